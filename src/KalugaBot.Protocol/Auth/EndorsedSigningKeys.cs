using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KalugaBot.Protocol.Auth;

/// <summary>An OpenID configuration's signing keys with the Bot Framework's per-key <c>endorsements</c> (channel ids).</summary>
public sealed class EndorsedSigningKeys(IReadOnlyCollection<SecurityKey> keys, IReadOnlyDictionary<string, string[]> endorsements)
{
    public IReadOnlyCollection<SecurityKey> Keys { get; } = keys;

    /// <summary>The endorsements of a key id; null when the key document has none for it.</summary>
    public string[]? EndorsementsOf(string? keyId) => keyId is not null && endorsements.TryGetValue(keyId, out var e) ? e : null;
}

/// <summary>Reads the metadata document and, because JWKS parsing drops unknown members, the raw key document for endorsements.</summary>
public sealed class EndorsedSigningKeysRetriever : IConfigurationRetriever<EndorsedSigningKeys>
{
    public async Task<EndorsedSigningKeys> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(address, retriever, cancel).ConfigureAwait(false);
        var endorsements = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(configuration.JwksUri))
        {
            var raw = await retriever.GetDocumentAsync(configuration.JwksUri, cancel).ConfigureAwait(false);
            using var document = JsonDocument.Parse(raw);
            if (document.RootElement.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array)
            {
                foreach (var key in keys.EnumerateArray())
                {
                    if (!key.TryGetProperty("kid", out var kid) || kid.GetString() is not { } id) continue;
                    if (!key.TryGetProperty("endorsements", out var list) || list.ValueKind != JsonValueKind.Array) continue;
                    endorsements[id] = list.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToArray();
                }
            }
        }
        return new EndorsedSigningKeys(configuration.SigningKeys.ToList(), endorsements);
    }
}
