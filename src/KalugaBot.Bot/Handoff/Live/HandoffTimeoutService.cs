using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Handoff.Live;

/// <summary>Looks for investors who waited too long for an agent; the state is in LiteDB, so this also works after a restart.</summary>
public sealed class HandoffTimeoutService(HandoffService handoff, IOptions<HandoffOptions> options, TimeProvider time, ILogger<HandoffTimeoutService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await handoff.TimeOutWaitingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Hand-off timeout pass failed");
            }
            try { await Task.Delay(options.Value.TimeoutCheckInterval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
