using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.Auth;

/// <summary>
/// Validates the JWT a channel (Bot Connector) or the Emulator sends to /api/messages, as the Bot Framework SDK does.
/// With no app id configured only requests without a token are accepted (local mode).
/// </summary>
/// <remarks>401: the token is missing, malformed, unsigned by a known key, or has the wrong issuer, audience or lifetime.
/// 403: a valid token that is not good for this activity (signing key not endorsed for the channel, serviceurl mismatch).</remarks>
public sealed class ChannelAuthenticator : IChannelAuthenticator
{
    public const string MetadataHttpClientName = "BotAuthMetadata";
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotAuthOptions _options;
    private readonly ILogger<ChannelAuthenticator> _logger;
    private readonly Lazy<SigningKeySource> _channelKeys;
    private readonly Lazy<SigningKeySource> _emulatorKeys;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public ChannelAuthenticator(IOptions<BotAuthOptions> options, IHttpClientFactory httpClients, TimeProvider clock, ILogger<ChannelAuthenticator> logger)
    {
        _options = options.Value;
        _logger = logger;
        _channelKeys = new(() => new SigningKeySource(_options.ChannelOpenIdMetadataUrl, httpClients.CreateClient(MetadataHttpClientName), _options, clock));
        _emulatorKeys = new(() => new SigningKeySource(_options.EmulatorOpenIdMetadataUrl, httpClients.CreateClient(MetadataHttpClientName), _options, clock));
    }

    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (!_options.IsAuthenticationEnabled)
        {
            return string.IsNullOrEmpty(authorizationHeader)
                ? AuthenticationOutcome.Success(null)
                : AuthenticationOutcome.Unauthorized("This bot has no app id configured and accepts no tokens.");
        }
        if (string.IsNullOrWhiteSpace(authorizationHeader))
            return AuthenticationOutcome.Unauthorized("An Authorization: Bearer token is required.");

        var parts = authorizationHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || parts[0] != "Bearer" || !_handler.CanReadToken(parts[1]))
            return AuthenticationOutcome.Unauthorized("The Authorization header is not a Bearer JWT.");

        JsonWebToken unverified;
        try { unverified = new JsonWebToken(parts[1]); }
        catch (ArgumentException) { return AuthenticationOutcome.Unauthorized("The token cannot be read."); }

        var outcome = _options.AllEmulatorIssuers.Contains(unverified.Issuer, StringComparer.Ordinal)
            ? await ValidateEmulatorTokenAsync(parts[1], cancellationToken).ConfigureAwait(false)
            : await ValidateChannelTokenAsync(parts[1], activity, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
            _logger.LogWarning("Rejected a request to the bot endpoint ({Status}): {Error}", outcome.StatusCode, outcome.Error);
        return outcome;
    }

    private async Task<AuthenticationOutcome> ValidateChannelTokenAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        var (result, keys) = await ValidateAsync(_channelKeys.Value, token, [_options.ChannelIssuer], validateAudience: true, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid) return AuthenticationOutcome.Unauthorized(Describe(result.Exception));

        var keyId = (result.SecurityToken as JsonWebToken)?.Kid;
        var endorsements = keys.EndorsementsOf(keyId);
        if (endorsements is null || string.IsNullOrEmpty(activity.ChannelId) || !endorsements.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
            return AuthenticationOutcome.Forbidden($"The signing key is not endorsed for channel '{activity.ChannelId}'.");

        var serviceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        if (string.IsNullOrEmpty(serviceUrl) || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return AuthenticationOutcome.Forbidden("The token's serviceurl claim does not match the activity's serviceUrl.");

        return AuthenticationOutcome.Success(_options.ChannelCallerId);
    }

    // The Emulator signs with AAD keys; it has no serviceurl claim or endorsements, the caller is named by appid (v1) or azp (v2).
    private async Task<AuthenticationOutcome> ValidateEmulatorTokenAsync(string token, CancellationToken cancellationToken)
    {
        var (result, _) = await ValidateAsync(_emulatorKeys.Value, token, _options.AllEmulatorIssuers, validateAudience: false, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid) return AuthenticationOutcome.Unauthorized(Describe(result.Exception));

        var version = result.Claims.TryGetValue("ver", out var ver) ? ver as string : null;
        var appIdClaim = version switch { "1.0" => "appid", "2.0" => "azp", _ => null };
        if (appIdClaim is null) return AuthenticationOutcome.Unauthorized("The Emulator token has no supported 'ver' claim.");
        var appId = result.Claims.TryGetValue(appIdClaim, out var value) ? value as string : null;
        if (!string.Equals(appId, _options.MicrosoftAppId, StringComparison.Ordinal))
            return AuthenticationOutcome.Unauthorized("The Emulator token was issued for another app id.");
        return AuthenticationOutcome.Success(_options.ChannelCallerId);
    }

    private async Task<(TokenValidationResult Result, EndorsedSigningKeys Keys)> ValidateAsync(
        SigningKeySource source, string token, IEnumerable<string> issuers, bool validateAudience, CancellationToken cancellationToken)
    {
        var keys = await source.GetAsync(cancellationToken).ConfigureAwait(false);
        var kid = new JsonWebToken(token).Kid;
        if (!string.IsNullOrEmpty(kid) && keys.Keys.All(k => k.KeyId != kid))
        {
            // Keys rotate: an unknown kid means our copy may be stale.
            keys = await source.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidateAudience = validateAudience,
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKeys = keys.Keys,
            ValidAlgorithms = Algorithms,
            ClockSkew = _options.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
        };
        return (await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false), keys);
    }

    private static string Describe(Exception? ex) => ex switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenInvalidIssuerException => "The token's issuer is not trusted.",
        SecurityTokenInvalidAudienceException => "The token was issued for another audience.",
        SecurityTokenSignatureKeyNotFoundException => "The token is signed by an unknown key.",
        SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not allowed.",
        SecurityTokenInvalidSignatureException => "The token's signature is invalid.",
        _ => "The token is invalid.",
    };
}
