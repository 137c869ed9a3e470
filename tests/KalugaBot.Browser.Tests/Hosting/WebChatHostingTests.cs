using System.Net;
using KalugaBot.Testing;
using Microsoft.Extensions.Options;
using KalugaBot.Host.WebChat;

namespace KalugaBot.Browser.Tests.Hosting;

/// <summary>The page's files, headers, CORS and options, through the in-memory host (no browser needed).</summary>
public sealed class WebChatHostingTests
{
    private const string AgencySite = "https://invest.example.org";

    [Fact]
    public async Task The_page_is_served_with_a_strict_content_security_policy()
    {
        await using var app = new KalugaBotApp();
        var response = await app.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("connect-src 'self';", csp);
        Assert.EndsWith("frame-ancestors 'self'", csp);
        Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html); // the policy forbids inline script, so the page must not have any
        Assert.Contains("src=\"lib/webchat.js\"", html);
    }

    [Fact]
    public async Task Allowed_origins_may_frame_the_page()
    {
        await using var app = new KalugaBotApp(new Dictionary<string, string?> { ["WebChat:AllowedOrigins:0"] = AgencySite + "/" });
        var response = await app.CreateClient().GetAsync("/");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.EndsWith($"frame-ancestors 'self' {AgencySite}", csp);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Theory]
    [InlineData("lib/webchat.js", "text/javascript")]
    [InlineData("webchat/app.js", "text/javascript")]
    [InlineData("webchat/strings.json", "application/json")]
    [InlineData("webchat/site.css", "text/css")]
    [InlineData("embed.js", "text/javascript")]
    public async Task The_page_files_and_the_npm_bundle_are_served(string path, string mediaType)
    {
        await using var app = new KalugaBotApp();
        var client = app.CreateClient();
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);

        var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task The_bundle_is_the_official_web_chat_build_installed_from_npm()
    {
        await using var app = new KalugaBotApp();
        var bundle = await app.CreateClient().GetStringAsync("lib/webchat.js");

        Assert.True(bundle.Length > 1_000_000, $"webchat.js has only {bundle.Length} characters");
        Assert.Contains("renderWebChat", bundle);
        Assert.Contains("createDirectLine", bundle);
    }

    [Theory]
    [InlineData("webchat/../appsettings.json")]
    [InlineData("webchat/%2e%2e/appsettings.json")]
    [InlineData("webchat/.hidden")]
    [InlineData("webchat/missing.js")]
    [InlineData("lib/nothing-here.js")]
    public async Task Nothing_outside_the_page_files_is_served(string path)
    {
        await using var app = new KalugaBotApp();
        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_socket_probe_without_an_upgrade_is_a_400_problem_and_with_one_opens_and_closes()
    {
        await using var app = KestrelKalugaBotApp.Start();
        using var http = app.CreateKestrelClient();
        var plain = await http.GetAsync("webchat/socket-probe");
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Equal("application/problem+json", plain.Content.Headers.ContentType?.MediaType);

        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri(app.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal) + "webchat/socket-probe"), CancellationToken.None);
        var frame = await socket.ReceiveAsync(new byte[16], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(System.Net.WebSockets.WebSocketMessageType.Close, frame.MessageType);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }

    [Theory]
    [InlineData("/v3/directline/conversations")]
    [InlineData("/api/directline/token")]
    [InlineData("/webchat/strings.json")]
    public async Task An_allowed_origin_passes_the_cors_preflight(string path)
    {
        await using var app = new KalugaBotApp(new Dictionary<string, string?> { ["WebChat:AllowedOrigins:0"] = AgencySite });
        var response = await app.CreateClient().SendAsync(Preflight(path, AgencySite));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(AgencySite, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", allowed);
        Assert.Contains("x-ms-bot-agent", allowed);
    }

    [Theory]
    [InlineData(null, "https://invest.example.org")]            // default: same origin only
    [InlineData("https://invest.example.org", "https://evil.example.com")]
    [InlineData("https://invest.example.org", "http://invest.example.org")] // another scheme is another origin
    public async Task Other_origins_get_no_cors_permission(string? allowed, string origin)
    {
        var settings = new Dictionary<string, string?>();
        if (allowed is not null) settings["WebChat:AllowedOrigins:0"] = allowed;
        await using var app = new KalugaBotApp(settings);
        var response = await app.CreateClient().SendAsync(Preflight("/v3/directline/conversations", origin));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_is_not_opened_on_the_bot_endpoint()
    {
        await using var app = new KalugaBotApp(new Dictionary<string, string?> { ["WebChat:AllowedOrigins:0"] = AgencySite });
        var response = await app.CreateClient().SendAsync(Preflight("/api/messages", AgencySite));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("invest.example.org")]
    [InlineData("https://invest.example.org/chat")]
    [InlineData("https://*.example.org")]
    [InlineData("ftp://invest.example.org")]
    public async Task A_malformed_allowed_origin_stops_the_start(string origin)
    {
        await using var app = new KalugaBotApp(new Dictionary<string, string?> { ["WebChat:AllowedOrigins:0"] = origin });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains("WebChat:AllowedOrigins", error.Message);
    }

    [Theory]
    [InlineData("https://Invest.Example.org", "https://invest.example.org")]
    [InlineData("https://invest.example.org:443/", "https://invest.example.org")]
    [InlineData("http://localhost:8080", "http://localhost:8080")]
    public void Origins_are_normalised_as_browsers_send_them(string configured, string expected) =>
        Assert.Equal(expected, WebChatOptionsValidator.Normalize(configured));

    private static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        return request;
    }
}
