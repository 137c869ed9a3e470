using System.Diagnostics;
using System.Globalization;

namespace KalugaBot.Bench.Load;

/// <summary>
/// Where a run's slow turns came from (--stalls): turns over a threshold grouped into episodes (slow turns whose starts
/// lie within 200 ms of each other), each with what the host logged about its storage around it (folds of LiteDB's log,
/// the collection after them).
/// </summary>
/// <remarks>The p99 of a paced run counts the 1 % slowest turns: at 2,000 turns/s over 10 s that is the 200th slowest, so
/// one pause of a few tens of milliseconds, and the backlog it leaves, can decide it. This names those episodes.</remarks>
public static class StallReport
{
    private static readonly long Gap = Stopwatch.Frequency / 5;
    private static readonly long EventLead = Stopwatch.Frequency / 2;

    public sealed record Episode(long Start, long End, int SlowTurns, double MaxMs);

    /// <summary>Episodes of at least <paramref name="minTurns"/> turns slower than <paramref name="thresholdMs"/>, in time order.</summary>
    public static IReadOnlyList<Episode> Find(IEnumerable<LatencyRecorder.Turn> turns, double thresholdMs, int minTurns)
    {
        var slow = turns.Where(t => t.LatencyMs > thresholdMs).OrderBy(t => t.Start).ToList();
        var episodes = new List<Episode>();
        var first = 0;
        for (var i = 1; i <= slow.Count; i++)
        {
            if (i < slow.Count && slow[i].Start - slow[i - 1].Start <= Gap) continue;
            if (i - first >= minTurns)
            {
                var group = slow.GetRange(first, i - first);
                episodes.Add(new Episode(group[0].Start, group[^1].Start + group[^1].Latency, group.Count, group.Max(t => t.LatencyMs)));
            }
            first = i;
        }
        return episodes;
    }

    public static void Print(LoadRun run, IReadOnlyList<HostProcess.LogEvent> hostEvents, double thresholdMs = 25, int minTurns = 10)
    {
        var episodes = Find(run.Latencies.Turns, thresholdMs, minTurns);
        var from = run.MeasuredFrom;
        string At(long timestamp) => ((timestamp - from) / (double)Stopwatch.Frequency).ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  stalls: {episodes.Count} episode(s) of {minTurns}+ turns over {thresholdMs} ms (times in s from the window's start)"));
        foreach (var episode in episodes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {At(episode.Start)}-{At(episode.End)}: {episode.SlowTurns} turns, slowest {episode.MaxMs:F1} ms"));
            foreach (var logged in hostEvents.Where(e => e.At >= episode.Start - EventLead && e.At <= episode.End))
                Console.WriteLine($"      host at {At(logged.At)}: {logged.Message}");
        }
    }
}
