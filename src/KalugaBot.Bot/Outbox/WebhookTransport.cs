using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Outbox;

/// <summary>POSTs the notification JSON, signed with HMAC-SHA256 over the exact body bytes.</summary>
public sealed class WebhookTransport(IHttpClientFactory httpClients, IOptionsMonitor<WebhookOptions> options) : IOutboxTransport
{
    public const string TransportName = "webhook";
    public const string HttpClientName = "NotificationWebhook";
    public const string SignatureHeader = "X-KalugaBot-Signature";
    public const string DeliveryHeader = "X-KalugaBot-Delivery";

    public string Name => TransportName;
    public bool IsEnabled => !string.IsNullOrWhiteSpace(options.CurrentValue.Url);

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var body = Encoding.UTF8.GetBytes(message.PayloadJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, o.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(DeliveryHeader, message.Id); // receivers de-duplicate on it
        if (!string.IsNullOrEmpty(o.Secret)) request.Headers.Add(SignatureHeader, Sign(body, o.Secret));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.Timeout);
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
        response.EnsureSuccessStatusCode(); // only a 2xx counts as delivered
    }

    /// <summary>"sha256=" + lower-case hex HMAC of the body.</summary>
    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
