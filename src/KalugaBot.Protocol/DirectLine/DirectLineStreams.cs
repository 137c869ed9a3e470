using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>
/// Open Direct Line WebSocket streams: each sends its conversation's activities as ActivitySet frames the moment they
/// are recorded, and an empty frame as a heartbeat when nothing happened for a while.
/// </summary>
/// <remarks>One stream per conversation, as the real service: a newer one closes the older with "collision" (a page
/// reload must not leave two, and a client cannot pile sockets up).</remarks>
public sealed class DirectLineStreams(DirectLineStore store, IOptions<DirectLineOptions> options, IHostApplicationLifetime lifetime,
    ILogger<DirectLineStreams> logger)
{
    private readonly ConcurrentDictionary<string, OpenStream> _open = new(StringComparer.Ordinal);

    public int OpenCount => _open.Count;

    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken aborted)
    {
        // Shutdown ends every stream: a graceful stop would otherwise wait for sockets that never close by themselves.
        using var stream = new OpenStream(CancellationTokenSource.CreateLinkedTokenSource(aborted, lifetime.ApplicationStopping));
        _open.AddOrUpdate(conversationId, stream, (_, older) =>
        {
            older.Collide();
            return stream;
        });
        var closedByClient = DrainAsync(socket, stream.Stop.Token);
        try
        {
            await SendAsync(socket, conversationId, watermark, closedByClient, stream.Stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException) { } // gone, collided or shutting down
        finally
        {
            _open.TryRemove(KeyValuePair.Create(conversationId, stream));
            await CloseAsync(socket, stream.Collided ? "collision" : "closed");
            stream.Stop.Cancel();
            await closedByClient;
        }
    }

    private async Task SendAsync(WebSocket socket, string conversationId, long watermark, Task closedByClient, CancellationToken stop)
    {
        var heartbeat = options.Value.StreamHeartbeat;
        var frame = new ArrayBufferWriter<byte>(); // reused: a busy stream sends many frames
        while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            // Looked up on every round: an idle conversation may have left memory and come back as a new log.
            if (store.Find(conversationId) is not { } log) return;
            var appended = log.NextAppend; // before reading, so nothing recorded in between is missed
            if (log.LastSequence > watermark)
            {
                frame.ResetWrittenCount();
                watermark = store.WriteActivitySetAfter(log, watermark, options.Value.MaxActivitiesPerGet, frame);
                await socket.SendAsync(frame.WrittenMemory, WebSocketMessageType.Text, true, stop);
                if (frame.Capacity > 64 * 1024) frame = new(); // a long history sent once is not kept for the stream's life
                continue;
            }
            // The heartbeat timer is cancelled when an activity comes first, so busy streams leave no timers behind.
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var delay = Task.Delay(heartbeat, quiet.Token);
            var woke = await Task.WhenAny(appended, delay, closedByClient);
            quiet.Cancel();
            if (woke == closedByClient) return;
            if (woke == delay && !stop.IsCancellationRequested)
                await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, stop);
        }
    }

    // Reads what the client sends (Direct Line JS pings with empty frames) and ends when it closes.
    private static async Task DrainAsync(WebSocket socket, CancellationToken stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var frame = await socket.ReceiveAsync(buffer, stop);
                if (frame.MessageType == WebSocketMessageType.Close) return;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException) { }
    }

    private async Task CloseAsync(WebSocket socket, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            logger.LogDebug(ex, "Closing a Direct Line stream failed");
        }
    }

    private sealed class OpenStream(CancellationTokenSource stop) : IDisposable
    {
        public CancellationTokenSource Stop { get; } = stop;
        public bool Collided { get; private set; }

        public void Collide()
        {
            Collided = true;
            Stop.Cancel();
        }

        public void Dispose() => Stop.Dispose();
    }
}
