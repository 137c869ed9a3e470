using System.Net.Http.Headers;
using System.Text;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.Tests;

/// <summary>Builds activities as a channel sends them and posts them to /api/messages.</summary>
public static class ChannelRequests
{
    public static Activity Message(string serviceUrl, string text = "hi", string channelId = "msteams", string? conversationId = null, string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? "act-" + Guid.NewGuid().ToString("N")[..10],
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = serviceUrl,
        ChannelId = channelId,
        From = new ChannelAccount("29:user-1", "Investor"),
        Recipient = new ChannelAccount("28:bot", "Bot"),
        Conversation = new ConversationAccount(conversationId ?? "conv-" + Guid.NewGuid().ToString("N")[..10]),
        Locale = "en-US",
        Text = text,
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, Activity activity, string? bearer = null) =>
        PostRawAsync(http, ProtocolJson.Serialize(activity), bearer);

    public static Task<HttpResponseMessage> PostRawAsync(HttpClient http, string json, string? bearer = null, string mediaType = "application/json", string path = "/api/messages")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, mediaType) };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return http.SendAsync(request);
    }
}
