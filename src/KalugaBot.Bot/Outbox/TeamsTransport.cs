using System.Text.Json;
using KalugaBot.Protocol.Channels;
using KalugaBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Outbox;

/// <summary>Posts the notification proactively into the staff Teams channel/chat whose conversation reference is stored in LiteDB.</summary>
public sealed class TeamsTransport(CloudAdapter adapter, NotificationTargets targets, StaffNotificationText text, IOptionsMonitor<TeamsNotificationOptions> options) : IOutboxTransport
{
    public const string TransportName = "teams";

    public string Name => TransportName;
    public bool IsEnabled => options.CurrentValue.Enabled;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // Read at delivery time, not at enqueue time: staff may register the channel after the lead arrived.
        var reference = targets.Get(NotificationTargets.Teams) ?? throw new InvalidOperationException("No Teams conversation is registered for notifications.");
        var notification = JsonSerializer.Deserialize<StaffNotification>(message.PayloadJson) ?? throw new InvalidDataException("Empty notification payload.");
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = text.Subject(notification) + "\n\n" + text.Body(notification),
            TextFormat = "plain",
        };
        Exception? failure = null;
        await adapter.ContinueConversationAsync(reference, async (turn, ct) =>
        {
            try { await turn.SendActivityAsync(activity, ct); }
            catch (Exception ex) { failure = ex; }
        }, cancellationToken);
        if (failure is not null) throw new InvalidOperationException("The Teams notification could not be sent.", failure);
    }
}
