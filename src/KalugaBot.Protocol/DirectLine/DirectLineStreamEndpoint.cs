using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>Direct Line's WebSocket stream: <c>GET …/conversations/{id}/stream?t={token}&amp;watermark={w}</c>.</summary>
/// <remarks>The URL is pre-authorised (browsers cannot send headers on a WebSocket), so its token lives one minute: long
/// enough to connect, short enough that a URL written into a log is of no use.</remarks>
public static class DirectLineStreamEndpoint
{
    public static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(1);

    public static void Map(RouteGroupBuilder directLine) => directLine.MapGet("/conversations/{conversationId}/stream", StreamAsync);

    /// <summary>The absolute ws:// or wss:// URL of the stream, as Direct Line JS opens it verbatim.</summary>
    public static string UrlFor(HttpRequest request, ConversationLog log, DirectLineTokens tokens, long? watermark = null)
    {
        var scheme = string.Equals(request.Scheme, "https", StringComparison.OrdinalIgnoreCase) ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}{DirectLineExtensions.BasePath}/conversations/{Uri.EscapeDataString(log.Id)}/stream"
            + $"?t={Uri.EscapeDataString(tokens.Issue(log.Id, log.UserId, UrlLifetime))}";
        return watermark is > 0 ? url + $"&watermark={watermark}" : url;
    }

    private static async Task<IResult> StreamAsync(HttpContext http, string conversationId, DirectLineStore store, DirectLineTokens tokens, DirectLineStreams streams)
    {
        switch (tokens.Verify(http.Request.Query["t"].ToString(), out var claims))
        {
            case DirectLineTokens.Verdict.Expired: return DirectLineProblems.TokenExpired();
            case DirectLineTokens.Verdict.Invalid: return DirectLineProblems.BadToken();
        }
        if (!string.Equals(claims!.ConversationId, conversationId, StringComparison.Ordinal)) return DirectLineProblems.WrongConversation();
        if (store.Find(conversationId) is null) return DirectLineProblems.UnknownConversation();
        if (!http.WebSockets.IsWebSocketRequest)
            return DirectLineProblems.Problem(400, "BadArgument", "This URL takes a WebSocket connection; poll …/activities otherwise.");

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        await streams.RunAsync(socket, conversationId, DirectLineRequests.Watermark(http.Request), http.RequestAborted);
        return Results.Empty;
    }
}
