using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Browser.Tests.Embedding;

/// <summary>A stand-in for the agency's own website on another origin (another port), with the embed snippet on its page.</summary>
public sealed class AgencyWebsite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AgencyWebsite(WebApplication app) => _app = app;

    /// <summary>The HTML of its one page; set it once the bot host's address is known.</summary>
    public string PageHtml { get; set; } = "<!DOCTYPE html><title>empty</title>";

    public static async Task<AgencyWebsite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new AgencyWebsite(app);
        app.MapGet("/", () => Results.Content(site.PageHtml, "text/html; charset=utf-8"));
        await app.StartAsync();
        return site;
    }

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

    /// <summary>The origin as a browser sends it (no trailing slash).</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    public void Embed(Uri botBase, string attributes = "") => PageHtml = PageWith(
        $"""<script src="{botBase.ToString().TrimEnd('/')}/embed.js" {attributes} defer></script>""");

    private static string PageWith(string snippet) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Agency website</title></head>
        <body><h1>Investment agency</h1><div id="chat-here" style="width:420px;height:560px"></div>{snippet}</body></html>
        """;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
