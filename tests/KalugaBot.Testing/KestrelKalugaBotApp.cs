using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Testing;

/// <summary>
/// The whole host on a real Kestrel port of 127.0.0.1 (a browser cannot reach the in-memory TestServer), with its own
/// throw-away LiteDB folder like <see cref="KalugaBotApp"/>. <c>await using var app = KestrelKalugaBotApp.Start();</c>
/// </summary>
public sealed class KestrelKalugaBotApp : KalugaBotApp
{
    private KestrelKalugaBotApp(IDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices, string? dataFolder)
        : base(settings, configureServices, dataFolder)
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Starts the host and waits until it listens.</summary>
    public static KestrelKalugaBotApp Start(IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null, string? dataFolder = null)
    {
        var app = new KestrelKalugaBotApp(settings, configureServices, dataFolder);
        app.StartServer();
        return app;
    }

    /// <summary>The listening address, e.g. http://127.0.0.1:41234/ (with the trailing slash).</summary>
    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reports no address.");
            return new Uri(address.TrimEnd('/') + "/");
        }
    }

    /// <summary>An HttpClient to the real port (not the in-memory handler), for requests a browser would make.</summary>
    public HttpClient CreateKestrelClient() => new() { BaseAddress = BaseAddress };
}
