using System.Globalization;
using KalugaBot.Protocol.Storage;
using LiteDB;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KalugaBot.Host.Health;

/// <summary>Unhealthy when LiteDB refuses reads: after an internal error LiteDB closes the file, and when reopening it
/// (<see cref="SerializedLiteEngine"/>) fails too, only a restart can help, so an orchestrator watching /health should
/// restart the host. Degraded when LiteDB's log has grown past twice the size at which it is folded into the data file
/// (<see cref="LiteDbLogCheckpoints"/>): the folds are failing, and the disk fills until someone looks.</summary>
public sealed class StorageHealthCheck(LiteDbContext db, IOptions<StorageOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            db.Database.GetCollection("conversations").FindById("~health");
        }
        catch (Exception ex) when (ex is LiteException or ObjectDisposedException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("LiteDB refuses reads: " + ex.Message));
        }
        var logMegabytes = db.LogFileBytes / 1048576.0;
        if (logMegabytes > 2.0 * options.Value.CheckpointMaxLogMegabytes)
            return Task.FromResult(HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture,
                $"LiteDB's log is {logMegabytes:F0} MB: folding it into the data file fails (see the host's log)")));
        return Task.FromResult(HealthCheckResult.Healthy());
    }
}
