using Microsoft.Extensions.Options;

namespace KalugaBot.Host.Staff.Search;

/// <summary>Runs the indexer every few seconds so the index follows the conversations; searches also catch up first.</summary>
public sealed class TranscriptIndexService(TranscriptIndexer indexer, IOptions<Auth.StaffOptions> options, ILogger<TranscriptIndexService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await indexer.CatchUpAsync(stoppingToken); }
            catch (OperationCanceledException) { break; }
            catch (Exception ex) { log.LogError(ex, "Transcript indexing failed; retrying later"); }
            try { await Task.Delay(TimeSpan.FromSeconds(options.Value.IndexIntervalSeconds), stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
