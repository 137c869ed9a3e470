using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KalugaBot.Testing;

/// <summary>
/// A fake Azure Bot Service on a real loopback Kestrel port: OpenID metadata + JWKS with endorsements (channel and
/// Emulator), a client-credentials token endpoint, and a Connector that records what the bot sends.
/// </summary>
public sealed class LoopbackChannel : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string AppPassword = "test-secret";
    public const string BotToken = "bot-token-from-loopback";
    public const string EmulatorIssuerV2 = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (RsaSecurityKey Key, string[] Endorsements)> _keys = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _plannedResponses = new();
    private int _activityCounter;

    private LoopbackChannel(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public string ChannelMetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";
    public string EmulatorMetadataUrl => BaseUrl + "/emulator/.well-known/openid-configuration";
    /// <summary>With the <c>{tenant}</c> placeholder, as the bot's setting expects.</summary>
    public string TokenEndpointTemplate => BaseUrl + "/{tenant}/oauth2/v2.0/token";
    public string ServiceUrl => BaseUrl + "/connector/";

    /// <summary>Every request that reached the Connector, including refused ones; Path is the raw (still escaped) target.</summary>
    public ConcurrentQueue<ConnectorRequest> ConnectorRequests { get; } = new();
    /// <summary>Activities the Connector accepted (answered 2xx).</summary>
    public ConcurrentQueue<ConnectorRequest> Accepted { get; } = new();
    public ConcurrentQueue<TokenRequest> TokenRequests { get; } = new();
    public int MetadataRequests;

    public sealed record ConnectorRequest(string Method, string Path, string? Authorization, JsonObject? Body);
    public sealed record TokenRequest(string Tenant, IReadOnlyDictionary<string, string> Form);

    public static async Task<LoopbackChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var channel = new LoopbackChannel(builder.Build());
        channel.Map();
        channel.AddKey("key-1", "msteams", "directline", "webchat", "test", "emulator");
        await channel._app.StartAsync();
        channel.BaseUrl = channel._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return channel;
    }

    /// <summary>Settings that make the bot trust this channel and send its replies with a token from it.</summary>
    public Dictionary<string, string?> BotSettings(bool withPassword = true, string? tenant = null) => new()
    {
        ["Bot:MicrosoftAppId"] = AppId,
        ["Bot:MicrosoftAppPassword"] = withPassword ? AppPassword : null,
        ["Bot:MicrosoftAppTenantId"] = tenant,
        ["Bot:ChannelOpenIdMetadataUrl"] = ChannelMetadataUrl,
        ["Bot:EmulatorOpenIdMetadataUrl"] = EmulatorMetadataUrl,
        ["Bot:ToChannelTokenEndpoint"] = TokenEndpointTemplate,
        ["Bot:Connector:RetryDelay"] = "00:00:00.010",
    };

    public RsaSecurityKey AddKey(string keyId, params string[] endorsements)
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = keyId };
        _keys[keyId] = (key, endorsements);
        return key;
    }

    /// <summary>Next Connector answers, in order (e.g. 429 with Retry-After, then the default 200).</summary>
    public void PlanConnectorResponse(int status, string? retryAfter = null) => _plannedResponses.Enqueue((status, retryAfter));

    /// <summary>A channel token as the Bot Connector would send it; every part can be spoiled for negative tests.</summary>
    public string ChannelToken(string serviceUrl, string? audience = AppId, string issuer = "https://api.botframework.com", string keyId = "key-1",
        DateTime? expires = null, string algorithm = SecurityAlgorithms.RsaSha256, bool includeServiceUrl = true, IDictionary<string, object>? extraClaims = null)
    {
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (includeServiceUrl) claims["serviceurl"] = serviceUrl;
        var exp = expires ?? DateTime.UtcNow.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = exp.AddHours(-2),
            IssuedAt = exp.AddHours(-2),
            Expires = exp,
            SigningCredentials = algorithm.StartsWith("HS", StringComparison.Ordinal)
                ? new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = keyId }, algorithm)
                : new SigningCredentials(_keys[keyId].Key, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An Emulator (AAD) token: v1 names the app in <c>appid</c>, v2 in <c>azp</c>.</summary>
    public string EmulatorToken(string version, string issuer = EmulatorIssuerV2, string appId = AppId) =>
        ChannelToken("", audience: AppId, issuer: issuer, includeServiceUrl: false, extraClaims: version switch
        {
            "1.0" => new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = appId },
            "2.0" => new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = appId },
            _ => new Dictionary<string, object>(),
        });

    private void Map()
    {
        _app.MapGet("/v1/.well-known/openidconfiguration", () => Metadata("https://api.botframework.com", "/v1/.well-known/keys"));
        _app.MapGet("/v1/.well-known/keys", () => Keys(withEndorsements: true));
        _app.MapGet("/emulator/.well-known/openid-configuration", () => Metadata(EmulatorIssuerV2, "/emulator/keys"));
        _app.MapGet("/emulator/keys", () => Keys(withEndorsements: false));
        _app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            TokenRequests.Enqueue(new TokenRequest(tenant, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            if (form["client_secret"] != AppPassword) return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = BotToken });
        });
        _app.Map("/connector/v3/{**path}", async (HttpContext http) =>
        {
            JsonObject? body = null;
            if (http.Request.ContentLength > 0) body = await JsonSerializer.DeserializeAsync<JsonObject>(http.Request.Body);
            var request = new ConnectorRequest(http.Request.Method, http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget, http.Request.Headers.Authorization.FirstOrDefault(), body);
            ConnectorRequests.Enqueue(request);
            http.Response.Headers["X-Correlating-OperationId"] = Guid.NewGuid().ToString("N");
            if (_plannedResponses.TryDequeue(out var planned))
            {
                if (planned.RetryAfter is not null) http.Response.Headers.RetryAfter = planned.RetryAfter;
                return Results.Json(new { error = new { code = "Planned", message = $"planned {planned.Status}" } }, statusCode: planned.Status);
            }
            Accepted.Enqueue(request);
            return Results.Json(new { id = "act-" + Interlocked.Increment(ref _activityCounter) });
        });
    }

    private IResult Metadata(string issuer, string keysPath)
    {
        Interlocked.Increment(ref MetadataRequests);
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = BaseUrl + keysPath,
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        });
    }

    private IResult Keys(bool withEndorsements) => Results.Json(new
    {
        keys = _keys.Select(k =>
        {
            var p = k.Value.Key.Rsa.ExportParameters(false);
            var jwk = new Dictionary<string, object>
            {
                ["kty"] = "RSA", ["use"] = "sig", ["kid"] = k.Key,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            };
            if (withEndorsements) jwk["endorsements"] = k.Value.Endorsements;
            return jwk;
        }).ToArray(),
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
