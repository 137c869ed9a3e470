using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.Storage;

/// <summary>Keeps LiteDB's log file bounded: folds it into the data file when it has grown and the writer is quiet, or
/// when it has grown large whatever the load.</summary>
/// <remarks>Without this the log (about 10 KB per turn) and LiteDB's in-memory index of it grow until the next start:
/// 1.6 GB on disk and ~12 MB of index after a minute of the load benchmark.</remarks>
public sealed class LiteDbLogCheckpoints(LiteDbContext db, IOptions<StorageOptions> options, ILogger<LiteDbLogCheckpoints> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    // After a failed fold (e.g. a full disk) the next try waits, instead of logging an error twice a second.
    private static readonly TimeSpan AfterFailure = TimeSpan.FromMinutes(1);
    private readonly StorageOptions _settings = options.Value;
    private long _notBefore;
    private int _folds;
    private int _compactions;
    private int _backgroundCollections;
    private long? _lastCompaction;

    /// <summary>Folds since the host started.</summary>
    public int Folds => Volatile.Read(ref _folds);

    /// <summary>Blocking heap compactions after a fold (<see cref="StorageOptions.CompactHeapAfterFold"/>).</summary>
    public int Compactions => Volatile.Read(ref _compactions);

    /// <summary>Background collections after a fold that came within <see cref="StorageOptions.CompactHeapInterval"/> of
    /// the last compaction.</summary>
    public int BackgroundCollections => Volatile.Read(ref _backgroundCollections);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long idleBytes = _settings.CheckpointIdleLogMegabytes * 1024L * 1024, maxBytes = _settings.CheckpointMaxLogMegabytes * 1024L * 1024;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var size = db.LogFileBytes;
                if (size < idleBytes || (size < maxBytes && !db.Writes.IsQuietFor(_settings.CheckpointIdle))) continue;
                if (Environment.TickCount64 < _notBefore) continue;
                Fold(size); // synchronous: calls into LiteDB wait at its gate meanwhile, ~2 ms per MB of log
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private void Fold(long size)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            if (!db.FoldLog()) return;
            Interlocked.Increment(ref _folds);
            logger.LogInformation("Folded LiteDB's {LogMegabytes:F1} MB log into the data file in {Milliseconds} ms",
                size / 1048576.0, clock.ElapsedMilliseconds);
            if (!_settings.CompactHeapAfterFold) return;
            clock.Restart();
            CollectHeap();
            logger.LogInformation("Collected the heap after the fold in {Milliseconds} ms", clock.ElapsedMilliseconds);
        }
        catch (Exception ex)
        {
            // The engine reopens on the next call if the fold left it closed (SerializedLiteEngine).
            _notBefore = Environment.TickCount64 + (long)AfterFailure.TotalMilliseconds;
            logger.LogError(ex, "Folding LiteDB's log into the data file failed; trying again in {Minutes} min", AfterFailure.TotalMinutes);
        }
    }

    // The closed engine's page cache (arrays of up to 8 MB on the large object heap) and its index of the log are garbage
    // now. Under steady load the GC seldom runs a full collection, so they stayed committed: 15-20 MB of dead gen2 and
    // 7-13 MB of dead large objects, measured. A compacting collection returns them but stops the process for ~25 ms;
    // a background collection frees them without stopping turns but leaves the heap less dense. Storage:CompactHeapInterval
    // mixes them: by default one compaction per 20 s, background collections for the folds in between (README, "Storage").
    private void CollectHeap()
    {
        if (Environment.TickCount64 - _lastCompaction < (long)_settings.CompactHeapInterval.TotalMilliseconds)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false, compacting: false);
            Interlocked.Increment(ref _backgroundCollections);
            return;
        }
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        _lastCompaction = Environment.TickCount64;
        Interlocked.Increment(ref _compactions);
    }
}
