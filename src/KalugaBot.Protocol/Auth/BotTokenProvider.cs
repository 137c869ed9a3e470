using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.Auth;

/// <summary>
/// The bot's own token for Connector calls (OAuth client credentials), cached until shortly before it expires.
/// Null in local mode, so no Authorization header is sent.
/// </summary>
public sealed class BotTokenProvider(IOptions<BotAuthOptions> options, IHttpClientFactory httpClients, TimeProvider clock, ILogger<BotTokenProvider> logger) : IBotTokenProvider
{
    public const string HttpClientName = "BotTokenEndpoint";
    /// <summary>Renew this long before expiry so that a token never expires in flight.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CachedToken? _cached;

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsAuthenticationEnabled) return null;
        if (_cached is { } hit && hit.RenewAt > clock.GetUtcNow()) return hit.Token;

        // One refresh at a time; callers that waited find the fresh token.
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } fresh && fresh.RenewAt > clock.GetUtcNow()) return fresh.Token;
            _cached = await RequestAsync(settings, cancellationToken).ConfigureAwait(false);
            return _cached.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<CachedToken> RequestAsync(BotAuthOptions settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(settings.MicrosoftAppPassword))
            throw new InvalidOperationException("Bot:MicrosoftAppPassword is required to send replies when Bot:MicrosoftAppId is set.");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.MicrosoftAppId!,
            ["client_secret"] = settings.MicrosoftAppPassword,
            ["scope"] = settings.ToChannelScope,
        });
        var started = clock.GetUtcNow();
        using var response = await httpClients.CreateClient(HttpClientName).PostAsync(settings.TokenEndpoint, form, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            logger.LogError("The token endpoint {Endpoint} refused the bot's credentials: {Status} {Body}", settings.TokenEndpoint, (int)response.StatusCode, body);
            throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(token?.AccessToken))
            throw new HttpRequestException("The token endpoint answered without an access_token.");

        var lifetime = TimeSpan.FromSeconds(Math.Max(token.ExpiresIn, 0));
        // Short-lived tokens are renewed at half their lifetime instead.
        var renewAfter = lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2;
        logger.LogInformation("Got a bot token from {Endpoint}, valid for {Lifetime}", settings.TokenEndpoint, lifetime);
        return new CachedToken(token.AccessToken, started + renewAfter);
    }

    private sealed record CachedToken(string Token, DateTimeOffset RenewAt);

    private sealed class TokenResponse
    {
        [JsonPropertyName("access_token")] public string? AccessToken { get; set; }
        [JsonPropertyName("expires_in"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public long ExpiresIn { get; set; }
        [JsonPropertyName("token_type")] public string? TokenType { get; set; }
    }
}
