namespace KalugaBot.Protocol.Auth;

/// <summary>The bot's identity with Azure Bot Service. All empty means local mode: no tokens in or out.</summary>
public sealed class BotAuthOptions
{
    public const string Section = "Bot";

    public string? MicrosoftAppId { get; set; }
    /// <summary>Client secret; from user-secrets or environment (Bot__MicrosoftAppPassword), never appsettings.json.</summary>
    public string? MicrosoftAppPassword { get; set; }
    /// <summary>Set for single-tenant bots; empty for multi-tenant.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public string ChannelIssuer { get; set; } = "https://api.botframework.com";
    public string ToChannelTokenEndpoint { get; set; } = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";
    public string ToChannelScope { get; set; } = "https://api.botframework.com/.default";
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
