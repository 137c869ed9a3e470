using System.Collections.Concurrent;
using System.Net;
using System.Text;
using KalugaBot.Testing;

namespace KalugaBot.Handoff.Tests.Infrastructure;

/// <summary>A real HTTP server on 127.0.0.1 (HttpListener) that records requests: a webhook receiver or a Bot Connector stand-in.</summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private HttpListener? _listener;
    private Task? _loop;
    private int _failuresLeft;

    public LoopbackReceiver(int? port = null) => Port = port ?? LoopbackPort.Free();

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}/";
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();
    /// <summary>Answer this many requests with 503 before accepting.</summary>
    public int FailFirst { set => _failuresLeft = value; }
    public int Failed;

    public LoopbackReceiver Start()
    {
        _listener = new HttpListener();
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
        return this;
    }

    private async Task LoopAsync()
    {
        while (_listener is { IsListening: true } listener)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                Interlocked.Increment(ref Failed);
                context.Response.StatusCode = 503;
                context.Response.Close();
                continue;
            }
            Requests.Enqueue(new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            var reply = Encoding.UTF8.GetBytes($"{{\"id\":\"r{Requests.Count}\"}}");
            await context.Response.OutputStream.WriteAsync(reply);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_listener is { } listener)
        {
            listener.Stop();
            listener.Close();
        }
        if (_loop is not null) await _loop.ConfigureAwait(false);
    }
}

public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
