using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Bot.Matching;

/// <summary>Serves the rendered site maps at <c>GET /maps/{hash}.png</c>.</summary>
public static class MapEndpoint
{
    public static IEndpointRouteBuilder MapSiteMaps(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(MapImages.PathPrefix.TrimEnd('/') + "/{name}", [HttpMethods.Get, HttpMethods.Head], Serve)
            .WithName("SiteMap").ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Serve(string name, MapImages images)
    {
        var hash = name.EndsWith(".png", StringComparison.Ordinal) ? name[..^4] : "";
        var png = hash.Length is > 0 and <= 64 && hash.All(char.IsAsciiHexDigitLower) ? images.Png(hash) : null;
        if (png is null) return Results.NotFound();
        return new CachedResult(Results.Bytes(png, "image/png", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{hash}\"")));
    }

    // Map pictures never change for a hash: let browsers and Teams keep them for a day.
    private sealed class CachedResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "public, max-age=86400";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
