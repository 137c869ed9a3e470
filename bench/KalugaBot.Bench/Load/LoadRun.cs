using System.Diagnostics;

namespace KalugaBot.Bench.Load;

/// <summary>Runs N workers, each owning one conversation, for warm-up + duration; only turns started after warm-up count.</summary>
public sealed class LoadRun(int workers, TimeSpan warmup, TimeSpan duration)
{
    public int Workers { get; } = workers;
    public LatencyRecorder Latencies { get; } = new(workers);
    public long Errors;
    private string? _firstError;

    /// <summary>What went wrong in the first failed turn, if any.</summary>
    public string? FirstError => _firstError;
    public TimeSpan Measured { get; private set; }

    /// <summary>When the measured window began (Stopwatch ticks).</summary>
    public long MeasuredFrom { get; private set; }

    /// <summary>The host's CPU clock; when set, <see cref="HostCpu"/> is its advance over the measured window.</summary>
    public Func<TimeSpan>? HostCpuClock { get; init; }

    /// <summary>Called when the warm-up ends and the measured window begins.</summary>
    public Action? MeasureStarted { get; init; }
    public TimeSpan HostCpu { get; private set; }

    /// <summary>Offered load in turns/s for all workers together; 0 runs closed-loop (each worker starts its next turn as
    /// soon as the last one ends, which keeps the machine saturated).</summary>
    /// <remarks>Paced workers start turns on a fixed schedule. A turn that starts late because the worker's previous turn
    /// ran over its slot is timed from its scheduled start, so a stall in the host counts for every turn it delayed
    /// (no coordinated omission); one that starts late only because the load generator's own timer woke late is timed
    /// from when it actually started.</remarks>
    public double Rate { get; init; }

    /// <summary>Paced runs: how far the workers fell behind the schedule during the warm-up (a cold host answers slower
    /// than the offered rate at first). The measured window starts on schedule whatever this was.</summary>
    public TimeSpan WarmupLag => TimeSpan.FromSeconds(_warmupLag.DefaultIfEmpty().Max() / (double)Stopwatch.Frequency);
    private readonly long[] _warmupLag = new long[workers]; // per worker, like the latencies: no locks

    /// <param name="prepare">Per worker, before the clock starts (e.g. start a conversation).</param>
    /// <param name="turn">One turn; returns false on an error.</param>
    public async Task RunAsync<TState>(Func<int, Task<TState>> prepare, Func<int, TState, Task<bool>> turn)
    {
        var states = await Task.WhenAll(Enumerable.Range(0, Workers).Select(prepare));
        var begin = Stopwatch.GetTimestamp();
        var measureFrom = begin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        MeasuredFrom = measureFrom;
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var cpuAtStart = Task.Run(async () =>
        {
            await Task.Delay(warmup);
            MeasureStarted?.Invoke();
            return HostCpuClock?.Invoke() ?? TimeSpan.Zero;
        });
        var interval = Rate > 0 ? (long)(Workers * Stopwatch.Frequency / Rate) : 0;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var scheduled = begin + interval * w / Workers; // workers spread evenly over one interval
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                if (interval > 0)
                {
                    // A backlog left by the warm-up is the cold host's, not the measured one's: the measured window's
                    // schedule starts at its beginning (seen here as up to 3 s of queued turns draining into it).
                    if (start >= measureFrom && scheduled < measureFrom) scheduled = measureFrom + interval * w / Workers;
                    if (start < measureFrom) _warmupLag[w] = Math.Max(_warmupLag[w], start - scheduled);
                    if (scheduled > start)
                    {
                        await Task.Delay(TimeSpan.FromSeconds((scheduled - start) / (double)Stopwatch.Frequency));
                        start = Stopwatch.GetTimestamp();
                    }
                    else start = scheduled; // behind schedule: the wait counts
                    scheduled += interval;
                }
                if (start >= end) return;
                bool ok;
                try { ok = await turn(w, states[w]); }
                catch (Exception ex)
                {
                    // A failed turn is counted, and the first one is kept to be printed, rather than ending the run.
                    Interlocked.CompareExchange(ref _firstError, $"{ex.GetType().Name}: {ex.Message}", null);
                    ok = false;
                }
                if (start < measureFrom) continue;
                if (ok) Latencies.Record(w, start);
                else Interlocked.Increment(ref Errors);
            }
        })));
        Measured = Stopwatch.GetElapsedTime(measureFrom);
        HostCpu = (HostCpuClock?.Invoke() ?? TimeSpan.Zero) - await cpuAtStart;
    }

    public double TurnsPerSecond => Latencies.Count / Measured.TotalSeconds;

    /// <summary>Host CPU milliseconds per counted turn.</summary>
    public double HostCpuMsPerTurn => Latencies.Count == 0 ? double.NaN : HostCpu.TotalMilliseconds / Latencies.Count;
}
