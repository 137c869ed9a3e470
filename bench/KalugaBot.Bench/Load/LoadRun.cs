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

    /// <summary>The host's CPU clock; when set, <see cref="HostCpu"/> is its advance over the measured window.</summary>
    public Func<TimeSpan>? HostCpuClock { get; init; }
    public TimeSpan HostCpu { get; private set; }

    /// <param name="prepare">Per worker, before the clock starts (e.g. start a conversation).</param>
    /// <param name="turn">One turn; returns false on an error.</param>
    public async Task RunAsync<TState>(Func<int, Task<TState>> prepare, Func<int, TState, Task<bool>> turn)
    {
        var states = await Task.WhenAll(Enumerable.Range(0, Workers).Select(prepare));
        var begin = Stopwatch.GetTimestamp();
        var measureFrom = begin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var cpuAtStart = Task.Run(async () =>
        {
            await Task.Delay(warmup);
            return HostCpuClock?.Invoke() ?? TimeSpan.Zero;
        });
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
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
