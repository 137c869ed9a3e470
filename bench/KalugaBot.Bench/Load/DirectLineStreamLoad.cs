using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace KalugaBot.Bench.Load;

/// <summary>Drives Direct Line as the chat page does (Web Chat with <c>webSocket: true</c>): token, start, one stream per
/// conversation, then per turn a post, done when the reply to it arrives on the stream.</summary>
public static class DirectLineStreamLoad
{
    private sealed class Conversation(string id, string token, ClientWebSocket socket) : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _replies = new();
        private Task? _reader;

        public string Id { get; } = id;
        public AuthenticationHeaderValue Auth { get; } = new("Bearer", token);
        public long Sequence;

        // The reply can come on the stream before the post's response names the activity it answers.
        public async Task ReplyTo(string activityId)
        {
            await Waiter(activityId).Task.WaitAsync(TimeSpan.FromSeconds(30));
            _replies.TryRemove(activityId, out _);
        }

        private TaskCompletionSource Waiter(string activityId) =>
            _replies.GetOrAdd(activityId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        public void StartReading() => _reader = Task.Run(ReadAsync);

        private async Task ReadAsync()
        {
            var buffer = new byte[64 * 1024];
            var message = new MemoryStream();
            while (socket.State == WebSocketState.Open)
            {
                WebSocketReceiveResult result;
                try { result = await socket.ReceiveAsync(buffer, CancellationToken.None); }
                catch (WebSocketException) { return; }
                if (result.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var length = (int)message.Length;
                message.SetLength(0);
                if (length == 0) continue; // heartbeat
                var set = JsonNode.Parse(message.GetBuffer().AsSpan(0, length));
                foreach (var activity in set?["activities"]?.AsArray() ?? [])
                    if ((string?)activity?["replyToId"] is { } replyTo) Waiter(replyTo).TrySetResult();
            }
        }

        public async ValueTask DisposeAsync()
        {
            try { await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); }
            catch (WebSocketException) { }
            if (_reader is not null) await _reader;
            socket.Dispose();
        }
    }

    public static async Task RunAsync(LoadRun run, HttpClient http, string hostUrl, string text)
    {
        var opened = new ConcurrentBag<Conversation>();
        try
        {
            await run.RunAsync(async _ =>
            {
                using var tokenResponse = await http.PostAsync(hostUrl + "/api/directline/token", null);
                var issued = (await tokenResponse.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
                var token = (string)issued["token"]!;
                using var start = new HttpRequestMessage(HttpMethod.Post, hostUrl + "/v3/directline/conversations")
                {
                    Content = new StringContent("""{"locale":"en-US"}""", Encoding.UTF8, "application/json"),
                };
                start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var started = await http.SendAsync(start);
                var conversation = (await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
                var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri((string)conversation["streamUrl"]!), CancellationToken.None);
                var state = new Conversation((string)conversation["conversationId"]!, token, socket);
                opened.Add(state);
                state.StartReading();
                return state;
            },
            async (_, conversation) =>
            {
                var clientId = $"c{++conversation.Sequence}";
                var json = $$$"""{"type":"message","text":"{{{text}}}","locale":"en-US","from":{"id":"user","role":"user"},"channelData":{"clientActivityID":"{{{clientId}}}"}}""";
                using var post = new HttpRequestMessage(HttpMethod.Post, $"{hostUrl}/v3/directline/conversations/{conversation.Id}/activities")
                {
                    Content = new StringContent(json, Encoding.UTF8, "application/json"),
                };
                post.Headers.Authorization = conversation.Auth;
                using var posted = await http.SendAsync(post);
                if (!posted.IsSuccessStatusCode) throw await LoadFailure.FromAsync(posted);
                var id = (string)(await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
                await conversation.ReplyTo(id);
                return true;
            });
        }
        finally
        {
            foreach (var conversation in opened) await conversation.DisposeAsync();
        }
    }
}
