using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace KalugaBot.Protocol.Connector;

/// <summary>
/// Retry policy for Connector calls. Only outcomes where the connector certainly did NOT accept the activity are retried:
/// 429, 5xx and a connection that could not be opened. Timeouts and dropped connections after sending are ambiguous
/// (the message may have been posted) and are not retried, so a user never sees a reply twice.
/// </summary>
public static class ConnectorRetry
{
    public static ResiliencePipeline<HttpResponseMessage> Create(ConnectorOptions options, TimeProvider clock, ILogger logger)
    {
        if (options.MaxRetries == 0) return ResiliencePipeline<HttpResponseMessage>.Empty;
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome, options, clock)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response, clock) : null),
                OnRetry = args =>
                {
                    logger.LogWarning("Connector call failed ({Outcome}); retry {Attempt} in {Delay}. X-Correlating-OperationId {CorrelationId}",
                        args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name,
                        args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Result is { } res ? CorrelationId(res) : null);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public static bool IsRetryable(Outcome<HttpResponseMessage> outcome, ConnectorOptions options, TimeProvider clock)
    {
        if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
            return true;
        if (outcome.Result is not { } response) return false;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            return RetryAfter(response, clock) is not { } wait || wait <= options.MaxRetryAfter;
        return (int)response.StatusCode >= 500;
    }

    /// <summary>Retry-After as seconds or as an HTTP date; null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    public static string? CorrelationId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
}
