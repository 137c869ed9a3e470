using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace KalugaBot.Teams.Tests.Loopback;

/// <summary>Azure Bot Service on 127.0.0.1 with a real Kestrel listener: the channel's OpenID metadata and signing keys
/// (endorsed for msteams), the AAD token endpoint, and the Bot Connector that receives the bot's replies.</summary>
public sealed class LoopbackBotService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _scriptedStatuses = new();
    private int _activitySequence;
    private int _tokenRequests;

    public RSA SigningKey { get; } = RSA.Create(2048);
    public string KeyId { get; } = "loopback-key-1";
    public string[] Endorsements { get; set; } = ["msteams"];

    /// <summary>Every request to /v3/…, including refused attempts, in arrival order.</summary>
    public ConcurrentQueue<ConnectorRequest> Requests { get; } = new();
    public IReadOnlyList<ConnectorRequest> Accepted => Requests.Where(r => r.Status is >= 200 and < 300).ToList();
    public int TokenRequests => _tokenRequests;
    public string BaseUrl { get; }
    /// <summary>The serviceUrl the test channel puts on activities; Teams urls end with a slash.</summary>
    public string ServiceUrl => BaseUrl + "/teams/";
    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";
    public string TokenEndpoint => BaseUrl + "/{tenant}/oauth2/v2.0/token";
    /// <summary>How long the connector waits before answering an accepted activity (to provoke client timeouts).</summary>
    public TimeSpan AcceptDelay { get; set; } = TimeSpan.Zero;

    private LoopbackBotService(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<LoopbackBotService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LoopbackBotService? service = null;
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new
        {
            issuer = "https://api.botframework.com",
            authorization_endpoint = "https://invalid.botframework.com",
            jwks_uri = service!.BaseUrl + "/v1/.well-known/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
            token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
        }));
        app.MapGet("/v1/.well-known/keys", () => Results.Json(service!.Keys()));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request, string tenant) =>
        {
            var form = await request.ReadFormAsync();
            var n = Interlocked.Increment(ref service!._tokenRequests);
            if (form["grant_type"] != "client_credentials" || form["client_secret"] != TeamsHost.AppPassword || form["scope"] != "https://api.botframework.com/.default")
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = $"bot-token-{tenant}-{n}" });
        });
        app.Map("/teams/v3/{**rest}", (Func<HttpContext, Task<IResult>>)(http => service!.ConnectorAsync(http)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        service = new LoopbackBotService(app, address.TrimEnd('/'));
        return service;
    }

    /// <summary>The next connector calls answer these statuses (429 with Retry-After: 0) before accepting again.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses) _scriptedStatuses.Enqueue(status);
    }

    private object Keys()
    {
        var p = SigningKey.ExportParameters(false);
        return new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", kid = KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent), endorsements = Endorsements },
            },
        };
    }

    private async Task<IResult> ConnectorAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var rawTarget = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var status = _scriptedStatuses.TryDequeue(out var scripted) ? scripted : 200;
        string? id = null;
        if (status == 200)
        {
            if (AcceptDelay > TimeSpan.Zero) await Task.Delay(AcceptDelay);
            id = $"1700000{Interlocked.Increment(ref _activitySequence):D6}";
        }
        Requests.Enqueue(new ConnectorRequest(http.Request.Method, rawTarget, http.Request.Headers.Authorization.ToString(),
            http.Request.ContentType, body.Length > 0 ? JsonNode.Parse(body) : null, status, id));
        if (status == 429)
        {
            http.Response.Headers.RetryAfter = "0";
            return Results.Json(new { error = new { code = "Throttled", message = "Too many requests" } }, statusCode: 429);
        }
        if (status != 200) return Results.Json(new { error = new { code = "ServiceError", message = "Unavailable" } }, statusCode: status);
        return Results.Json(new { id });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SigningKey.Dispose();
    }
}

/// <param name="Target">The raw request target as sent (path still percent-encoded).</param>
public sealed record ConnectorRequest(string Method, string Target, string Authorization, string? ContentType, JsonNode? Body, int Status, string? AssignedId);
