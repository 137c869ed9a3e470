using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace KalugaBot.Bench.Load;

/// <summary>Drives Direct Line as Web Chat does: token, start, then per turn post + poll with the watermark until the reply shows.</summary>
public static class DirectLineLoad
{
    private sealed class Conversation(string id, string token)
    {
        public string Id { get; } = id;
        public AuthenticationHeaderValue Auth { get; } = new("Bearer", token);
        public string Watermark { get; set; } = "";
        public long Sequence;
    }

    public static Task RunAsync(LoadRun run, HttpClient http, string hostUrl, string text) =>
        run.RunAsync(async _ =>
        {
            using var tokenResponse = await http.PostAsync(hostUrl + "/api/directline/token", null);
            var issued = (await tokenResponse.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
            var conversation = new Conversation((string)issued["conversationId"]!, (string)issued["token"]!);
            using var start = Request(HttpMethod.Post, hostUrl + "/v3/directline/conversations", conversation, new StringContent("""{"locale":"en-US"}""", Encoding.UTF8, "application/json"));
            (await http.SendAsync(start)).EnsureSuccessStatusCode().Dispose();
            await PollUntilAsync(http, hostUrl, conversation, _ => true); // the welcome
            return conversation;
        },
        async (_, conversation) =>
        {
            var clientId = $"c{++conversation.Sequence}";
            var json = $$$"""{"type":"message","text":"{{{text}}}","locale":"en-US","from":{"id":"user","role":"user"},"channelData":{"clientActivityID":"{{{clientId}}}"}}""";
            using var post = Request(HttpMethod.Post, $"{hostUrl}/v3/directline/conversations/{conversation.Id}/activities", conversation, new StringContent(json, Encoding.UTF8, "application/json"));
            using var posted = await http.SendAsync(post);
            if (!posted.IsSuccessStatusCode) throw await LoadFailure.FromAsync(posted);
            var id = (string)(await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            return await PollUntilAsync(http, hostUrl, conversation, a => (string?)a["replyToId"] == id);
        });

    private static async Task<bool> PollUntilAsync(HttpClient http, string hostUrl, Conversation conversation, Func<JsonNode, bool> found)
    {
        // Time-based: right after the /api/messages run the host may still be indexing that run's transcripts.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            using var get = Request(HttpMethod.Get, $"{hostUrl}/v3/directline/conversations/{conversation.Id}/activities?watermark={conversation.Watermark}", conversation);
            using var response = await http.SendAsync(get);
            if (!response.IsSuccessStatusCode) throw await LoadFailure.FromAsync(response);
            var set = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            conversation.Watermark = (string)set["watermark"]!;
            if (set["activities"]!.AsArray().Any(a => a is not null && found(a))) return true;
            await Task.Delay(5);
        }
        throw new TimeoutException("The reply did not show within 30 s.");
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, Conversation conversation, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = conversation.Auth;
        return request;
    }
}
