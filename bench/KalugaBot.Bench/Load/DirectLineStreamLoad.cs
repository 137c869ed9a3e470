using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace KalugaBot.Bench.Load;

/// <summary>Drives Direct Line as the chat page does (Web Chat with <c>webSocket: true</c>): token, start, one stream per
/// conversation, then per turn a post, done when the reply to it arrives on the stream.</summary>
public static class DirectLineStreamLoad
{
    private sealed class Conversation(string id, AuthenticationHeaderValue auth, ClientWebSocket socket) : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _replies = new();
        private Task? _reader;

        public string Id { get; } = id;
        public AuthenticationHeaderValue Auth { get; } = auth;
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
                var (id, auth, started) = await DirectLineLoad.StartAsync(http, hostUrl);
                var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), CancellationToken.None);
                var state = new Conversation(id, auth, socket);
                opened.Add(state);
                state.StartReading();
                return state;
            },
            async (_, conversation) =>
            {
                var id = await DirectLineLoad.PostAsync(http, hostUrl, conversation.Id, conversation.Auth, ++conversation.Sequence, text);
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
