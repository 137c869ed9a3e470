using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Outbox;

/// <summary>Delivers due outbox messages, retrying with exponential back-off. A message is marked delivered only after its transport succeeded.</summary>
public sealed class OutboxProcessor(
    LiteDbOutbox outbox,
    IEnumerable<IOutboxTransport> transports,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxProcessor> logger) : BackgroundService
{
    private readonly Dictionary<string, IOutboxTransport> _transports = transports.ToDictionary(t => t.Name, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Outbox pass failed");
            }
            try { await Task.Delay(options.Value.PollInterval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One pass over the due messages; public so a command or test can trigger it.</summary>
    public async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        foreach (var message in outbox.Due())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await DeliverAsync(message, cancellationToken);
        }
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        message.Attempts++;
        try
        {
            if (!_transports.TryGetValue(message.Transport, out var transport))
                throw new InvalidOperationException($"No transport named '{message.Transport}' is registered.");
            await transport.DeliverAsync(message, cancellationToken);
            message.Status = OutboxStatus.Delivered;
            message.DeliveredUtc = time.GetUtcNow().UtcDateTime;
            message.LastError = null;
            logger.LogInformation("Outbox message {MessageId} delivered by {Transport} after {Attempts} attempt(s)", message.Id, message.Transport, message.Attempts);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Only the exception type and status go to the log and the row: messages of transport errors may echo addresses.
            message.LastError = Describe(ex);
            var o = options.Value;
            if (message.Attempts >= o.MaxAttempts)
            {
                message.Status = OutboxStatus.Failed;
                logger.LogError("Outbox message {MessageId} ({Transport}) failed permanently after {Attempts} attempts: {Error}", message.Id, message.Transport, message.Attempts, message.LastError);
            }
            else
            {
                var delay = RetryDelay(message.Attempts, o);
                message.NextAttemptUtc = time.GetUtcNow().UtcDateTime + delay;
                logger.LogWarning("Outbox message {MessageId} ({Transport}) attempt {Attempts} failed ({Error}); retry in {Delay}", message.Id, message.Transport, message.Attempts, message.LastError, delay);
            }
        }
        outbox.Update(message);
    }

    public static TimeSpan RetryDelay(int attempts, OutboxOptions o)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var ticks = Math.Min(o.InitialRetryDelay.Ticks * factor, o.MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private static string Describe(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}",
        HttpRequestException http => $"HTTP error {http.HttpRequestError}",
        _ => ex.GetType().Name,
    };
}
