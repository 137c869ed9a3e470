using KalugaBot.Host.Staff.Auth;
using Microsoft.Extensions.Options;

namespace KalugaBot.Host.Staff.Privacy;

/// <summary>Anonymises transcripts older than Staff:RetentionDays (0 = keep forever), every Staff:RetentionSweepMinutes.</summary>
public sealed class RetentionService(TranscriptAnonymiser anonymiser, IOptionsMonitor<StaffOptions> options, TimeProvider clock, ILogger<RetentionService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var o = options.CurrentValue;
            try
            {
                if (o.RetentionDays > 0) await anonymiser.AnonymiseOlderThanAsync(clock.GetUtcNow().UtcDateTime.AddDays(-o.RetentionDays), stoppingToken);
            }
            catch (OperationCanceledException) { break; }
            catch (Exception ex) { log.LogError(ex, "The retention sweep failed; it runs again later"); }
            try { await Task.Delay(TimeSpan.FromMinutes(o.RetentionSweepMinutes), clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
