namespace KalugaBot.Host.WebChat;

/// <summary>Settings of the investor-facing chat page (section <c>WebChat</c>).</summary>
public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    /// <summary>
    /// Origins (scheme://host[:port]) of other websites that may embed the chat: frame the page (CSP frame-ancestors)
    /// and call Direct Line and the token endpoint from their own scripts (CORS). Empty = this host's origin only.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
