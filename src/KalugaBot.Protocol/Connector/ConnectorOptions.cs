namespace KalugaBot.Protocol.Connector;

/// <summary>How replies are delivered to the Bot Connector.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Bot:Connector";

    /// <summary>Retries after 429, 5xx or a refused connection (none after the connector accepted a message).</summary>
    public int MaxRetries { get; set; } = 3;
    /// <summary>First back-off delay; doubles with jitter on every retry unless the connector says Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
    /// <summary>A Retry-After longer than this is not waited for; the send fails instead of holding the turn.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsValid() => MaxRetries is >= 0 and <= 10 && RetryDelay >= TimeSpan.Zero && MaxRetryAfter >= TimeSpan.Zero && Timeout > TimeSpan.Zero;
}
