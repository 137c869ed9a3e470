using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KalugaBot.Protocol.Schema;
using Xunit.Abstractions;

namespace KalugaBot.Testing;

/// <summary>Talks to /api/messages as a channel would, asking for the replies in the response (deliveryMode expectReplies).</summary>
public sealed class BotClient(HttpClient http, string? locale = "en-US", string channelId = "test", ITestOutputHelper? log = null)
{
    private int _sequence;

    public string ConversationId { get; } = "conv-" + Guid.NewGuid().ToString("N")[..12];
    public string UserId { get; } = "user-" + Guid.NewGuid().ToString("N")[..8];
    public string? Locale { get; set; } = locale;

    public Task<IReadOnlyList<Activity>> SayAsync(string text) =>
        SendAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>Sends a card submit (an Action.Submit with object data).</summary>
    public Task<IReadOnlyList<Activity>> SubmitAsync(JsonObject value, string? text = null) =>
        SendAsync(new Activity { Type = ActivityTypes.Message, Text = text, Value = value });

    public Task<IReadOnlyList<Activity>> JoinAsync() => SendAsync(new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [new ChannelAccount("bot", "KalugaBot"), new ChannelAccount(UserId, "Investor")],
    });

    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        activity.Id ??= $"{ConversationId}|{++_sequence:D7}";
        activity.ChannelId ??= channelId;
        activity.ServiceUrl ??= "http://localhost/unused-connector";
        activity.Conversation ??= new ConversationAccount(ConversationId);
        activity.From ??= new ChannelAccount(UserId, "Investor", RoleTypes.User);
        activity.Recipient ??= new ChannelAccount("bot", "KalugaBot", RoleTypes.Bot);
        activity.Locale ??= Locale;
        activity.Timestamp ??= DateTimeOffset.UtcNow;
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        using var response = await http.PostAsJsonAsync("/api/messages", activity, ProtocolJson.Options);
        response.EnsureSuccessStatusCode();
        var replies = await response.Content.ReadFromJsonAsync<ExpectedReplies>(ProtocolJson.Options);
        var list = replies?.Activities ?? [];
        if (log is not null)
        {
            log.WriteLine($"> {activity.Text ?? activity.Type}");
            foreach (var reply in list) log.WriteLine($"< {Transcript.Describe(reply)}");
        }
        return list;
    }
}
