using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Outbox;

/// <summary>Puts one outbox message per enabled transport; the message id makes it idempotent.</summary>
public sealed class StaffNotifier(LiteDbOutbox outbox, IEnumerable<IOutboxTransport> transports, IOptions<NotificationOptions> options, ILogger<StaffNotifier> logger)
{
    /// <param name="key">Identifies the event (e.g. the lead id); the same key never notifies twice.</param>
    public void Notify(StaffNotification notification, string key)
    {
        var payload = JsonSerializer.Serialize(notification);
        foreach (var transport in transports.Where(t => t.IsEnabled))
        {
            var id = $"{notification.Kind}:{key}:{transport.Name}";
            if (outbox.Enqueue(id, transport.Name, payload))
                logger.LogInformation("Queued {Kind} notification {MessageId}", notification.Kind, id);
        }
    }

    public string PortalUrl(string path) => options.Value.PortalBaseUrl.TrimEnd('/') + path;
}
