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
        var origin = "ws" + DirectLineRequests.ServiceUrl(request)["http".Length..].TrimEnd('/'); // http(s)://… → ws(s)://…
        var url = $"{origin}{DirectLineExtensions.BasePath}/conversations/{Uri.EscapeDataString(log.Id)}/stream"
            + $"?t={Uri.EscapeDataString(tokens.Issue(log.Id, log.UserId, UrlLifetime))}";
        return watermark is > 0 ? url + $"&watermark={watermark}" : url;
    }

    private static async Task<IResult> StreamAsync(HttpContext http, string conversationId, DirectLineStore store, DirectLineTokens tokens, DirectLineStreams streams)
    {
        var (caller, problem) = DirectLineCaller.FromToken(http.Request.Query["t"].ToString(), tokens);
        if (problem is not null) return problem;
        if (!caller!.MayAccess(conversationId)) return DirectLineProblems.WrongConversation();
        if (store.Find(conversationId) is null) return DirectLineProblems.UnknownConversation();
        if (!http.WebSockets.IsWebSocketRequest)
            return DirectLineProblems.Problem(400, "BadArgument", "This URL takes a WebSocket connection; poll …/activities otherwise.");

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        await streams.RunAsync(socket, conversationId, DirectLineRequests.Watermark(http.Request), http.RequestAborted);
        return Results.Empty;
    }
}
