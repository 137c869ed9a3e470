using System.Buffers;
using System.Text.Json;
using KalugaBot.Protocol.Schema;
using Microsoft.AspNetCore.Http;

namespace KalugaBot.Protocol.Channels;

/// <summary>Reads one activity from a request body, turning every kind of bad input into a problem response.</summary>
public static class ActivityReader
{
    /// <summary>Direct Line's documented limit for one activity.</summary>
    public const int MaxActivityBytes = 256 * 1024;

    public sealed record Outcome(Activity? Activity, IResult? Problem);

    public static async Task<Outcome> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the activity as application/json.");
        if (request.ContentLength > MaxActivityBytes)
            return Fail(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"An activity may be at most {MaxActivityBytes} bytes.");

        // A pooled buffer sized by Content-Length: every turn reads one body, so no per-request arrays.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is > 0 and var length ? (int)length + 1 : 16 * 1024);
        var used = 0;
        Activity? activity;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(used), cancellationToken).ConfigureAwait(false)) > 0)
            {
                used += read;
                if (used > MaxActivityBytes)
                    return Fail(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"An activity may be at most {MaxActivityBytes} bytes.");
                if (used == buffer.Length) buffer = Grow(buffer, used);
            }
            activity = JsonSerializer.Deserialize<Activity>(buffer.AsSpan(0, used), ProtocolJson.Options);
        }
        catch (JsonException ex)
        {
            return Fail(StatusCodes.Status400BadRequest, "Malformed activity", $"The body is not a valid activity: {ex.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
            return Fail(StatusCodes.Status400BadRequest, "Malformed activity", "An activity needs a 'type'.");
        return new Outcome(activity, null);
    }

    private static byte[] Grow(byte[] buffer, int used)
    {
        // Up to one byte past the limit, so an oversized body is still seen as one.
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxActivityBytes + 1));
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private static Outcome Fail(int status, string title, string detail) =>
        new(null, Results.Problem(statusCode: status, title: title, detail: detail));
}
