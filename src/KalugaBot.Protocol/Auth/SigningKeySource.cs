using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace KalugaBot.Protocol.Auth;

/// <summary>Cached signing keys of one OpenID metadata address, refreshed on schedule and when a token names an unknown key.</summary>
public sealed class SigningKeySource
{
    private readonly ConfigurationManager<EndorsedSigningKeys> _manager;

    public SigningKeySource(string metadataAddress, HttpClient http, BotAuthOptions options)
    {
        var retriever = new HttpDocumentRetriever(http) { RequireHttps = metadataAddress.StartsWith("https:", StringComparison.OrdinalIgnoreCase) };
        _manager = new ConfigurationManager<EndorsedSigningKeys>(metadataAddress, new EndorsedSigningKeysRetriever(), retriever)
        {
            AutomaticRefreshInterval = Max(options.MetadataAutomaticRefresh, ConfigurationManager<EndorsedSigningKeys>.MinimumAutomaticRefreshInterval),
            RefreshInterval = Max(options.MetadataRefreshInterval, ConfigurationManager<EndorsedSigningKeys>.MinimumRefreshInterval),
        };
        MetadataAddress = metadataAddress;
    }

    public string MetadataAddress { get; }

    public Task<EndorsedSigningKeys> GetAsync(CancellationToken cancellationToken) => _manager.GetConfigurationAsync(cancellationToken);

    /// <summary>Marks the cache stale; the next <see cref="GetAsync"/> fetches again (at most once per refresh interval).</summary>
    public void RequestRefresh() => _manager.RequestRefresh();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>Thrown when no key matches a token's kid even after refreshing.</summary>
internal static class SigningKeyErrors
{
    public static bool IsUnknownKey(Exception? ex) => ex is SecurityTokenSignatureKeyNotFoundException;
}
