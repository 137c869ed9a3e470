using Microsoft.AspNetCore.Http;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>A polled ActivitySet, written straight into the response body from the conversation's UTF-8 log.</summary>
internal sealed class ActivitySetResult(DirectLineStore store, ConversationLog log, long watermark, int max) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        store.WriteActivitySetAfter(log, watermark, max, response.BodyWriter);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
