using System.Reflection;

namespace KalugaBot.Host.Staff.Assets;

/// <summary>Serves the portal's CSS and JS from embedded resources: no CDN, no dependency on the static-files middleware.</summary>
public static class StaffAssets
{
    private static readonly Dictionary<string, string> Types = new()
    {
        ["portal.css"] = "text/css; charset=utf-8",
        ["portal.js"] = "text/javascript; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapStaffAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/staff/assets/{file}", (string file, HttpContext http) =>
        {
            if (!Types.TryGetValue(file, out var type)) return Results.NotFound();
            var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("KalugaBot.Host.Staff.Assets." + file);
            if (stream is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Stream(stream, type);
        }).AllowAnonymous().WithMetadata(new StaffPublicEndpoint());
        return endpoints;
    }
}

/// <summary>Marks the few /staff endpoints that are public on purpose (login page, CSS/JS); the security test skips only these.</summary>
public sealed class StaffPublicEndpoint;
