using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Handoff.Tests.Infrastructure;

/// <summary>An investor on Web Chat: talks to the host's own Direct Line 3.0 endpoints (token, start, post, poll).</summary>
public sealed class DirectLine(HttpClient http)
{
    private string _watermark = "";

    public string ConversationId { get; private set; } = "";
    private string Token { get; set; } = "";

    public async Task StartAsync(string locale = "en-US")
    {
        using var issued = await http.PostAsJsonAsync("/api/directline/token", new JsonObject());
        issued.EnsureSuccessStatusCode();
        var token = (string)(await issued.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        using var started = await SendAsync(HttpMethod.Post, "/conversations", token, JsonContent.Create(new JsonObject { ["user"] = new JsonObject(), ["locale"] = locale }));
        started.EnsureSuccessStatusCode();
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        (ConversationId, Token) = ((string)body["conversationId"]!, (string)body["token"]!);
    }

    public async Task SayAsync(string text)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message, Text = text, Locale = "en-US", ChannelId = "webchat",
            From = new ChannelAccount("r_investor", "Investor", RoleTypes.User),
        };
        using var response = await SendAsync(HttpMethod.Post, $"/conversations/{ConversationId}/activities", Token, JsonContent.Create(activity, options: ProtocolJson.Options));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The activities the bot (or an agent through it) sent since the last poll.</summary>
    public async Task<List<Activity>> PollAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, $"/conversations/{ConversationId}/activities?watermark={_watermark}", Token);
        response.EnsureSuccessStatusCode();
        var set = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        _watermark = (string)set["watermark"]!;
        return set["activities"]!.AsArray().Select(a => ProtocolJson.Deserialize<Activity>(a!.ToJsonString())!)
            .Where(a => a.From?.Role != RoleTypes.User).ToList();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, "/v3/directline" + path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }
}
