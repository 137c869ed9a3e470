using Microsoft.Extensions.Options;

namespace KalugaBot.Host.Memory;

/// <summary>
/// One compacting, decommitting collection once the host has settled. Building the search index and warming the number
/// recognizers leave ~30 MB of dead objects and committed heap that the GC otherwise keeps for as long as the host idles:
/// 177 -> 146 MB after start-up (README, "Figures"). Under load the heap grows to its working size again either way.
/// Then the C library's heap gives back what start-up freed there (<see cref="NativeHeap.Trim"/>).
/// </summary>
public sealed class StartupCompaction(IOptions<MemoryOptions> options, ILogger<StartupCompaction> log) : BackgroundService
{
    private volatile bool _completed;

    /// <summary>True once the collection has run.</summary>
    public bool Completed => _completed;

    /// <summary>True if the native heap was trimmed too (Linux with glibc).</summary>
    public bool NativeHeapTrimmed { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.CompactAfterStartup;
        if (delay == TimeSpan.Zero) return;
        try { await Task.Delay(delay, stoppingToken); }
        catch (OperationCanceledException) { return; }
        var before = Environment.WorkingSet;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeapTrimmed = NativeHeap.Trim();
        _completed = true;
        log.LogInformation("Start-up garbage collected: working set {Before} -> {After} MB", before / 1048576, Environment.WorkingSet / 1048576);
    }
}
