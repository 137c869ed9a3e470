using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Bot.Matching;

/// <summary>Serves <c>GET /maps/{hash}.png</c> (registered as a startup filter, so Program.cs needs no line for it).</summary>
public sealed class MapEndpoint : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(MapImages.PathPrefix.TrimEnd('/'), branch => branch.Run(ServeAsync));
        next(app);
    };

    private static async Task ServeAsync(HttpContext context)
    {
        var name = context.Request.Path.Value?.Trim('/') ?? "";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        var hash = name.EndsWith(".png", StringComparison.Ordinal) ? name[..^4] : "";
        var png = hash.Length is > 0 and <= 64 && hash.All(char.IsAsciiHexDigitLower)
            ? context.RequestServices.GetRequiredService<MapImages>().Png(hash) : null;
        if (png is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = "image/png";
        context.Response.Headers.CacheControl = "public, max-age=86400";
        context.Response.ContentLength = png.Length;
        await context.Response.Body.WriteAsync(png, context.RequestAborted);
    }
}
