using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.Auth;

/// <summary>Local mode has no outgoing token; the client-credentials flow is added by the auth feature.</summary>
public sealed class BotTokenProvider(IOptions<BotAuthOptions> options) : IBotTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        options.Value.IsAuthenticationEnabled
            ? throw new InvalidOperationException("Outgoing channel tokens are not configured.")
            : Task.FromResult<string?>(null);
}
