using System.Diagnostics;

namespace KalugaBot.Bench.Load;

/// <summary>Turn latencies of one run, recorded per worker (no locks) and merged for percentiles.</summary>
public sealed class LatencyRecorder
{
    private readonly List<long>[] _perWorker;

    public LatencyRecorder(int workers) => _perWorker = Enumerable.Range(0, workers).Select(_ => new List<long>(64 * 1024)).ToArray();

    public void Record(int worker, long startTimestamp) => _perWorker[worker].Add(Stopwatch.GetTimestamp() - startTimestamp);

    public int Count => _perWorker.Sum(l => l.Count);

    public double PercentileMs(double p)
    {
        var all = _perWorker.SelectMany(l => l).Order().ToArray();
        if (all.Length == 0) return double.NaN;
        var index = (int)Math.Clamp(Math.Ceiling(p / 100.0 * all.Length) - 1, 0, all.Length - 1);
        return all[index] * 1000.0 / Stopwatch.Frequency;
    }
}
