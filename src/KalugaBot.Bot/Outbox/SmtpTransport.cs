using System.Net;
using System.Net.Mail;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Outbox;

/// <summary>Sends the notification as a plain-text e-mail to the staff addresses.</summary>
public sealed class SmtpTransport(IOptionsMonitor<SmtpOptions> options, StaffNotificationText text) : IOutboxTransport
{
    public const string TransportName = "smtp";

    public string Name => TransportName;
    public bool IsEnabled => !string.IsNullOrWhiteSpace(options.CurrentValue.Host) && !string.IsNullOrWhiteSpace(options.CurrentValue.To);

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var notification = JsonSerializer.Deserialize<StaffNotification>(message.PayloadJson)
                           ?? throw new InvalidDataException("Empty notification payload.");
        using var mail = new MailMessage { From = new MailAddress(o.From), Subject = text.Subject(notification), Body = text.Body(notification) };
        foreach (var to in o.To!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) mail.To.Add(to);
        mail.Headers.Add("X-KalugaBot-Delivery", message.Id);

        using var client = new SmtpClient(o.Host, o.Port) { EnableSsl = o.EnableSsl, Timeout = o.TimeoutMilliseconds, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(o.UserName)) client.Credentials = new NetworkCredential(o.UserName, o.Password);
        await client.SendMailAsync(mail, cancellationToken);
    }
}
