using System.Net.WebSockets;

namespace KalugaBot.Host.WebChat;

/// <summary>A WebSocket that opens and closes at once: the page tries it before choosing the Direct Line stream, so a
/// network that blocks WebSockets (some corporate proxies do) gets polling instead of a chat whose replies never arrive.</summary>
public static class WebChatSocketProbe
{
    public const string Path = "/webchat/socket-probe";

    public static async Task AnswerAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "WebSocket upgrade expected").ExecuteAsync(context);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try { await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "ok", timeout.Token); }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException) { } // the page has gone already
    }
}
