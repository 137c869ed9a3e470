using KalugaBot.Protocol.Storage;
using LiteDB;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KalugaBot.Host.Health;

/// <summary>Unhealthy when LiteDB refuses reads: after an internal error LiteDB closes the file, and when reopening it
/// (<see cref="SerializedLiteEngine"/>) fails too, only a restart can help, so an orchestrator watching /health should
/// restart the host.</summary>
public sealed class StorageHealthCheck(LiteDbContext db) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            db.Database.GetCollection("conversations").FindById("~health");
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex) when (ex is LiteException or ObjectDisposedException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("LiteDB refuses reads: " + ex.Message));
        }
    }
}
