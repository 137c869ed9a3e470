using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using KalugaBot.Protocol.Schema;
using Microsoft.AspNetCore.Http;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>Small helpers shared by the Direct Line routes: optional JSON bodies, ids, the host's serviceUrl.</summary>
public static partial class DirectLineRequests
{
    private const int MaxSmallBody = 4 * 1024;

    /// <summary>An optional small JSON body ({} or nothing is fine); a problem for a wrong type, size or syntax.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadOptionalAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any())) return (null, null);
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, DirectLineProblems.Problem(415, "UnsupportedMediaType", "Send JSON (application/json)."));
        if (request.ContentLength > MaxSmallBody)
            return (null, DirectLineProblems.Problem(413, "PayloadTooLarge", $"At most {MaxSmallBody} bytes."));
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxSmallBody) return (null, DirectLineProblems.Problem(413, "PayloadTooLarge", $"At most {MaxSmallBody} bytes."));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return (null, null);
        try
        {
            return (JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ProtocolJson.Options), null);
        }
        catch (JsonException)
        {
            return (null, DirectLineProblems.Problem(400, "BadArgument", "The body is not valid JSON."));
        }
    }

    public static string NewConversationId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    /// <summary>A caller-chosen user id is kept if it looks like a Direct Line id (dl_…); otherwise one is made up.</summary>
    public static string UserIdFrom(ChannelAccount? user) =>
        user?.Id is { } id && UserIdPattern().IsMatch(id) ? id : "dl_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(10)).ToLowerInvariant();

    public static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    /// <summary>Watermark from the query: empty or missing means from the start; anything unparsable too.</summary>
    public static long Watermark(HttpRequest request) =>
        long.TryParse(request.Query["watermark"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : 0;

    [GeneratedRegex("^dl_[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex UserIdPattern();
}
