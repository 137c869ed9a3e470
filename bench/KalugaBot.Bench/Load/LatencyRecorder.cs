using System.Diagnostics;

namespace KalugaBot.Bench.Load;

/// <summary>Turn latencies of one run, recorded per worker (no locks) and merged for percentiles.</summary>
public sealed class LatencyRecorder
{
    private readonly List<Turn>[] _perWorker;

    /// <summary>One counted turn: when it was timed from (Stopwatch ticks) and how long it took (ticks).</summary>
    public readonly record struct Turn(long Start, long Latency)
    {
        public double LatencyMs => Milliseconds(Latency);
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public LatencyRecorder(int workers) => _perWorker = Enumerable.Range(0, workers).Select(_ => new List<Turn>(64 * 1024)).ToArray();

    public void Record(int worker, long startTimestamp) => _perWorker[worker].Add(new Turn(startTimestamp, Stopwatch.GetTimestamp() - startTimestamp));

    public int Count => _perWorker.Sum(l => l.Count);

    /// <summary>Every counted turn, in no particular order.</summary>
    public IEnumerable<Turn> Turns => _perWorker.SelectMany(l => l);

    public double PercentileMs(double p)
    {
        var all = Turns.Select(t => t.Latency).Order().ToArray();
        if (all.Length == 0) return double.NaN;
        var index = (int)Math.Clamp(Math.Ceiling(p / 100.0 * all.Length) - 1, 0, all.Length - 1);
        return Milliseconds(all[index]);
    }
}
