using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Bench.Load;

/// <summary>A Bot Connector on a loopback port that accepts and counts the bot's replies.</summary>
public sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _replies;

    private LoopbackConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";
    public long Replies => Interlocked.Read(ref _replies);

    public static async Task<LoopbackConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var connector = new LoopbackConnector(builder.Build());
        connector._app.MapPost("/v3/conversations/{conversationId}/activities/{**replyTo}", async (HttpContext http) =>
        {
            // Drain the body as a real connector would read it.
            await http.Request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref connector._replies);
            return Results.Json(new { id = "r" });
        });
        await connector._app.StartAsync();
        connector.ServiceUrl = connector._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
