namespace KalugaBot.Protocol.Auth;

/// <summary>Gets the bot's own token for calls to the Connector; null in local mode.</summary>
public interface IBotTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
