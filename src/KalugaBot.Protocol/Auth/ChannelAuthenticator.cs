using KalugaBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.Auth;

/// <summary>Local mode: with no app id configured, only requests without a token are accepted.</summary>
public sealed class ChannelAuthenticator(IOptions<BotAuthOptions> options) : IChannelAuthenticator
{
    public Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (!options.Value.IsAuthenticationEnabled)
        {
            return Task.FromResult(string.IsNullOrEmpty(authorizationHeader)
                ? AuthenticationOutcome.Success(null)
                : AuthenticationOutcome.Unauthorized("This bot has no app id configured and accepts no tokens."));
        }
        // JWT validation of channel tokens is added by the auth feature.
        return Task.FromResult(AuthenticationOutcome.Unauthorized("Channel token validation is not configured."));
    }
}
