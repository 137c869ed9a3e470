using Microsoft.IdentityModel.Protocols;

namespace KalugaBot.Protocol.Auth;

/// <summary>
/// Cached signing keys of one OpenID metadata address: re-read on schedule, and at once (rate-limited) when a token
/// names a key we do not know. ConfigurationManager is not used because it refreshes in the background and would
/// answer the request that found the new kid with the stale keys.
/// </summary>
public sealed class SigningKeySource(string metadataAddress, HttpClient http, BotAuthOptions options, TimeProvider clock)
{
    private readonly HttpDocumentRetriever _retriever = new(http) { RequireHttps = metadataAddress.StartsWith("https:", StringComparison.OrdinalIgnoreCase) };
    private readonly EndorsedSigningKeysRetriever _reader = new();
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private EndorsedSigningKeys? _keys;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public string MetadataAddress { get; } = metadataAddress;

    public Task<EndorsedSigningKeys> GetAsync(CancellationToken cancellationToken) =>
        _keys is { } keys && clock.GetUtcNow() - _fetchedAt < options.MetadataAutomaticRefresh
            ? Task.FromResult(keys)
            : FetchAsync(force: false, cancellationToken);

    /// <summary>Fetches again unless that was done within the refresh interval; returns the (possibly unchanged) keys.</summary>
    public Task<EndorsedSigningKeys> RefreshAsync(CancellationToken cancellationToken) => FetchAsync(force: true, cancellationToken);

    private async Task<EndorsedSigningKeys> FetchAsync(bool force, CancellationToken cancellationToken)
    {
        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            if (force)
            {
                if (_keys is not null && now - _lastForcedRefresh < options.MetadataRefreshInterval) return _keys;
                _lastForcedRefresh = now;
            }
            else if (_keys is { } fresh && now - _fetchedAt < options.MetadataAutomaticRefresh)
            {
                return fresh; // another caller fetched while we waited
            }
            try
            {
                _keys = await _reader.GetConfigurationAsync(MetadataAddress, _retriever, cancellationToken).ConfigureAwait(false);
                _fetchedAt = now;
            }
            catch (Exception) when (_keys is not null)
            {
                // Keep serving the keys we have; the metadata host may be down for a moment.
            }
            return _keys!;
        }
        finally
        {
            _fetch.Release();
        }
    }
}
