using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>Per-client-IP limit on creating tokens and conversations (fixed window), answering 429 with Retry-After.</summary>
public sealed class DirectLineRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;
    private readonly TimeSpan _window;

    public DirectLineRateLimit(IOptions<DirectLineOptions> options)
    {
        var o = options.Value;
        _window = o.TokenWindow;
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = o.TokenPermitsPerWindow,
                Window = o.TokenWindow,
                QueueLimit = 0,
            }));
    }

    /// <summary>Endpoint filter for the token-minting routes.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var self = context.HttpContext.RequestServices.GetRequiredService<DirectLineRateLimit>();
        using var lease = self._limiter.AttemptAcquire(context.HttpContext);
        if (lease.IsAcquired) return await next(context);
        context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(self._window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return DirectLineProblems.Problem(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many tokens requested from this address; try again later.");
    }

    public void Dispose() => _limiter.Dispose();
}
