namespace KalugaBot.Host.Teams;

/// <summary>What goes into the Teams app package besides the texts of dialogs/teams.yaml. Section <c>Teams:Package</c>.</summary>
public sealed class TeamsPackageOptions
{
    public const string Section = "Teams:Package";

    /// <summary>The Teams app's own GUID; empty means the bot's app id (Bot:MicrosoftAppId), the usual choice.</summary>
    public string? AppId { get; set; }
    /// <summary>Semantic version of the app; raise it for every upload of a changed package.</summary>
    public string Version { get; set; } = "1.0.0";
    /// <summary>Shown under the app icon (30 characters at most).</summary>
    public string ShortName { get; set; } = "KalugaBot";
    /// <summary>The publisher shown in the Teams store entry (32 characters at most).</summary>
    public string DeveloperName { get; set; } = "KalugaBot";
    /// <summary>Domains the app may open inside Teams, e.g. the bot's public host (<c>Teams__Package__ValidDomains__0</c>).</summary>
    public string[] ValidDomains { get; set; } = [];
    /// <summary>https URLs; empty means <c>https://{first valid domain}/</c>, the web chat page.</summary>
    public string? WebsiteUrl { get; set; }
    public string? PrivacyUrl { get; set; }
    public string? TermsOfUseUrl { get; set; }
    /// <summary>Background of the colour icon and of the app in Teams.</summary>
    public string AccentColor { get; set; } = "#1F5FA8";
}
