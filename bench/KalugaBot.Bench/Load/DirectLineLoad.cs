using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace KalugaBot.Bench.Load;

/// <summary>Drives Direct Line as Web Chat does: token, start, then per turn post + poll with the watermark until the reply shows.</summary>
public static class DirectLineLoad
{
    private sealed class Conversation(string id, AuthenticationHeaderValue auth)
    {
        public string Id { get; } = id;
        public AuthenticationHeaderValue Auth { get; } = auth;
        public string Watermark { get; set; } = "";
        public long Sequence;
    }

    public static Task RunAsync(LoadRun run, HttpClient http, string hostUrl, string text) =>
        run.RunAsync(async _ =>
        {
            var (id, auth, _) = await StartAsync(http, hostUrl);
            var conversation = new Conversation(id, auth);
            await PollUntilAsync(http, hostUrl, conversation, _ => true); // the welcome
            return conversation;
        },
        async (_, conversation) =>
        {
            var id = await PostAsync(http, hostUrl, conversation.Id, conversation.Auth, ++conversation.Sequence, text);
            return await PollUntilAsync(http, hostUrl, conversation, a => (string?)a["replyToId"] == id);
        });

    /// <summary>A page token, then the start of its conversation: the id, the token as a header, and the start answer
    /// (which carries the streamUrl).</summary>
    internal static async Task<(string Id, AuthenticationHeaderValue Auth, JsonObject Started)> StartAsync(HttpClient http, string hostUrl)
    {
        using var tokenResponse = await http.PostAsync(hostUrl + "/api/directline/token", null);
        var issued = (await tokenResponse.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
        var auth = new AuthenticationHeaderValue("Bearer", (string)issued["token"]!);
        using var start = Request(HttpMethod.Post, hostUrl + "/v3/directline/conversations", auth, new StringContent("""{"locale":"en-US"}""", Encoding.UTF8, "application/json"));
        using var started = await http.SendAsync(start);
        var body = (await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
        return ((string)issued["conversationId"]!, auth, body);
    }

    /// <summary>Posts the user's message as Web Chat does (with a clientActivityID); returns the id the host gave it.</summary>
    internal static async Task<string> PostAsync(HttpClient http, string hostUrl, string conversationId, AuthenticationHeaderValue auth, long sequence, string text)
    {
        var json = $$$"""{"type":"message","text":"{{{text}}}","locale":"en-US","from":{"id":"user","role":"user"},"channelData":{"clientActivityID":"c{{{sequence}}}"}}""";
        using var post = Request(HttpMethod.Post, $"{hostUrl}/v3/directline/conversations/{conversationId}/activities", auth, new StringContent(json, Encoding.UTF8, "application/json"));
        using var posted = await http.SendAsync(post);
        if (!posted.IsSuccessStatusCode) throw await LoadFailure.FromAsync(posted);
        return (string)(await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static async Task<bool> PollUntilAsync(HttpClient http, string hostUrl, Conversation conversation, Func<JsonNode, bool> found)
    {
        // Time-based: right after the /api/messages run the host may still be indexing that run's transcripts.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            using var get = Request(HttpMethod.Get, $"{hostUrl}/v3/directline/conversations/{conversation.Id}/activities?watermark={conversation.Watermark}", conversation.Auth);
            using var response = await http.SendAsync(get);
            if (!response.IsSuccessStatusCode) throw await LoadFailure.FromAsync(response);
            var set = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            conversation.Watermark = (string)set["watermark"]!;
            if (set["activities"]!.AsArray().Any(a => a is not null && found(a))) return true;
            await Task.Delay(5);
        }
        throw new TimeoutException("The reply did not show within 30 s.");
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, AuthenticationHeaderValue auth, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = auth;
        return request;
    }
}
