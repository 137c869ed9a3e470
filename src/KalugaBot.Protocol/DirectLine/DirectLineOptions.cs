namespace KalugaBot.Protocol.DirectLine;

/// <summary>Direct Line 3.0 served by the host (for Web Chat).</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>Channel id the bot sees for these conversations.</summary>
    public string ChannelId { get; set; } = "webchat";
    public string BotId { get; set; } = "bot";
    public string BotName { get; set; } = "Bot";
    /// <summary>Token lifetime; Web Chat refreshes every 15 minutes, so it must be well above that.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(60);
    /// <summary>HMAC key for tokens, base64 (≥ 32 bytes). Empty: generated once and kept in the data folder.</summary>
    public string? TokenSigningKey { get; set; }
    /// <summary>Optional Direct Line secret for server-side callers of tokens/generate; empty disables secret access.</summary>
    public string? Secret { get; set; }
    /// <summary>Most activities returned by one GET; the client pages on with the watermark.</summary>
    public int MaxActivitiesPerGet { get; set; } = 200;
    /// <summary>Latest activities of a conversation kept in memory for polling; older pages are read from LiteDB.</summary>
    public int ActivitiesKeptInMemory { get; set; } = ConversationLog.DefaultRetain;
    /// <summary>Token and conversation creations allowed per client IP and window.</summary>
    public int TokenPermitsPerWindow { get; set; } = 30;
    public TimeSpan TokenWindow { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How often new activities are written to LiteDB, a chunk per conversation (and whenever some are about to
    /// leave memory). A crash loses at most this much of the Direct Line history; the transcript keeps its own copy.</summary>
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Idle conversations leave memory after this; they are reloaded from LiteDB on demand.</summary>
    public TimeSpan IdleEviction { get; set; } = TimeSpan.FromMinutes(20);
    /// <summary>An open WebSocket stream with nothing to send sends an empty frame this often (keeps proxies from closing it).</summary>
    public TimeSpan StreamHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    public bool IsValid() =>
        TokenLifetime >= TimeSpan.FromMinutes(20) && MaxActivitiesPerGet > 0 && ActivitiesKeptInMemory > 0 && TokenPermitsPerWindow > 0 && TokenWindow > TimeSpan.Zero
        && StreamHeartbeat > TimeSpan.Zero && PersistInterval > TimeSpan.Zero && PersistInterval <= TimeSpan.FromMinutes(1)
        && !string.IsNullOrWhiteSpace(ChannelId) && !string.IsNullOrWhiteSpace(BotId);
}
