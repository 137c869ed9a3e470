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

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxActivityBytes)
                return Fail(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"An activity may be at most {MaxActivityBytes} bytes.");
            buffer.Write(chunk, 0, read);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ProtocolJson.Options);
        }
        catch (JsonException ex)
        {
            return Fail(StatusCodes.Status400BadRequest, "Malformed activity", $"The body is not a valid activity: {ex.Message}");
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
            return Fail(StatusCodes.Status400BadRequest, "Malformed activity", "An activity needs a 'type'.");
        return new Outcome(activity, null);
    }

    private static Outcome Fail(int status, string title, string detail) =>
        new(null, Results.Problem(statusCode: status, title: title, detail: detail));
}
