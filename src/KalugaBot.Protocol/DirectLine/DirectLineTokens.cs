using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using KalugaBot.Protocol.Storage;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>
/// Conversation-scoped tokens: HS256 JWTs (so Web Chat can read the <c>user</c> claim) signed with the host's key.
/// The key comes from DirectLine:TokenSigningKey or is generated once into the data folder, so tokens survive restarts.
/// </summary>
public sealed class DirectLineTokens
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");
    private readonly byte[] _key;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _clock;

    public DirectLineTokens(IOptions<DirectLineOptions> options, LiteDbContext db, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        _key = LoadKey(_options.TokenSigningKey, Path.Combine(db.DataFolder, "directline-signing.key"));
    }

    public int LifetimeSeconds => (int)_options.TokenLifetime.TotalSeconds;

    /// <param name="lifetime">Shorter than the configured lifetime for a URL that carries the token (a stream URL).</param>
    public string Issue(string conversationId, string userId, TimeSpan? lifetime = null)
    {
        var now = _clock.GetUtcNow();
        var payload = new Payload
        {
            Conversation = conversationId,
            User = userId,
            IssuedAt = now.ToUnixTimeSeconds(),
            Expires = (now + (lifetime ?? _options.TokenLifetime)).ToUnixTimeSeconds(),
            Nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
        };
        var signingInput = Base64Url(Header) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        return signingInput + "." + Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput)));
    }

    public enum Verdict { Valid, Invalid, Expired }

    public Verdict Verify(string token, out DirectLineTokenClaims? claims)
    {
        claims = null;
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0].Length > 64 || token.Length > 2048) return Verdict.Invalid;
        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!TryDecode(parts[2], out var signature) || !CryptographicOperations.FixedTimeEquals(expected, signature)) return Verdict.Invalid;
        if (!TryDecode(parts[1], out var body)) return Verdict.Invalid;
        Payload? payload;
        try { payload = JsonSerializer.Deserialize<Payload>(body); }
        catch (JsonException) { return Verdict.Invalid; }
        if (payload?.Conversation is not { Length: > 0 } conversation || payload.User is not { Length: > 0 } user) return Verdict.Invalid;
        claims = new DirectLineTokenClaims(conversation, user, DateTimeOffset.FromUnixTimeSeconds(payload.Expires));
        return claims.Expires <= _clock.GetUtcNow() ? Verdict.Expired : Verdict.Valid;
    }

    private static byte[] LoadKey(string? configured, string file)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = Convert.FromBase64String(configured);
            return bytes.Length >= 32 ? bytes : throw new InvalidOperationException("DirectLine:TokenSigningKey must be at least 32 bytes (base64).");
        }
        if (File.Exists(file)) return Convert.FromBase64String(File.ReadAllText(file).Trim());
        var key = RandomNumberGenerator.GetBytes(64);
        File.WriteAllText(file, Convert.ToBase64String(key));
        return key;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        bytes = new byte[s.Length];
        if (!Convert.TryFromBase64String(s, bytes, out var written)) return false;
        bytes = bytes[..written];
        return true;
    }

    private sealed class Payload
    {
        [JsonPropertyName("conv")] public string? Conversation { get; set; }
        [JsonPropertyName("user")] public string? User { get; set; }
        [JsonPropertyName("iat")] public long IssuedAt { get; set; }
        [JsonPropertyName("exp")] public long Expires { get; set; }
        [JsonPropertyName("jti")] public string? Nonce { get; set; }
    }
}
