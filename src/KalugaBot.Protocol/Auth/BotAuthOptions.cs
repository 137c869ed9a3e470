namespace KalugaBot.Protocol.Auth;

/// <summary>The bot's identity with Azure Bot Service. All empty means local mode: no tokens in or out.</summary>
/// <remarks>Secrets come from user-secrets or the environment (<c>Bot__MicrosoftAppPassword</c>), never appsettings.json.</remarks>
public sealed class BotAuthOptions
{
    public const string Section = "Bot";

    public string? MicrosoftAppId { get; set; }
    /// <summary>Client secret for the outgoing client-credentials token.</summary>
    public string? MicrosoftAppPassword { get; set; }
    /// <summary>Set for single-tenant bots; empty for multi-tenant.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Where the Bot Connector's signing keys are published (channel tokens).</summary>
    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public string ChannelIssuer { get; set; } = "https://api.botframework.com";
    /// <summary>Signing keys of AAD, for tokens the Bot Framework Emulator sends.</summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";
    /// <summary>AAD issuers of Emulator tokens (v1 and v2); the bot's own tenant is added for single-tenant bots.</summary>
    public string[] EmulatorIssuers { get; set; } =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];
    /// <summary>Token endpoint for bot → channel calls; <c>{tenant}</c> becomes the tenant id or <c>botframework.com</c>.</summary>
    public string ToChannelTokenEndpoint { get; set; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";
    public string ToChannelScope { get; set; } = "https://api.botframework.com/.default";
    /// <summary>The callerId a validated channel token stands for.</summary>
    public string ChannelCallerId { get; set; } = "urn:botframework:azure";
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Shortest time between two metadata refreshes forced by an unknown signing key.</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Signing keys are re-read at least this often.</summary>
    public TimeSpan MetadataAutomaticRefresh { get; set; } = TimeSpan.FromHours(24);

    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
    public bool IsSingleTenant => !string.IsNullOrWhiteSpace(MicrosoftAppTenantId);

    public string TokenEndpoint =>
        ToChannelTokenEndpoint.Replace("{tenant}", IsSingleTenant ? MicrosoftAppTenantId!.Trim() : "botframework.com", StringComparison.Ordinal);

    /// <summary>Emulator issuers plus, for a single-tenant bot, its own tenant's issuers.</summary>
    public IReadOnlyList<string> AllEmulatorIssuers => IsSingleTenant
        ? [.. EmulatorIssuers, $"https://sts.windows.net/{MicrosoftAppTenantId!.Trim()}/", $"https://login.microsoftonline.com/{MicrosoftAppTenantId!.Trim()}/v2.0"]
        : EmulatorIssuers;

    /// <summary>Start-up validation: a tenant or secret without an app id is a configuration mistake.</summary>
    public bool IsValid(out string? error)
    {
        error = null;
        if (!IsAuthenticationEnabled && (IsSingleTenant || !string.IsNullOrEmpty(MicrosoftAppPassword)))
            error = "Bot:MicrosoftAppTenantId / Bot:MicrosoftAppPassword are set but Bot:MicrosoftAppId is empty.";
        else if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(30))
            error = "Bot:ClockSkew must be between 0 and 30 minutes.";
        return error is null;
    }
}
