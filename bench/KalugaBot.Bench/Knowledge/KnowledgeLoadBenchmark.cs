using System.Diagnostics;
using KalugaBot.Bot.Paths;
using KalugaBot.Knowledge.Loading;

namespace KalugaBot.Bench.Knowledge;

/// <summary><c>knowledge-load [folder] [--runs N]</c>: cold and warm time to load and validate the whole knowledge folder.</summary>
public sealed class KnowledgeLoadBenchmark : IBenchmarkCommand
{
    public string Name => "knowledge-load";
    public string Description => "Load + validate knowledge/ (cold, then warm median and p99).";

    public Task<int> RunAsync(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(50);
        var folder = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _))
                     ?? RepoPaths.Find("knowledge", Directory.GetCurrentDirectory());

        var watch = Stopwatch.StartNew();
        var first = KnowledgeLoader.Load(folder);
        var cold = watch.Elapsed.TotalMilliseconds;
        if (!first.IsValid)
        {
            foreach (var p in first.Problems) Console.WriteLine(p);
            return Task.FromResult(1);
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            watch.Restart();
            KnowledgeLoader.Load(folder);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var snapshot = first.Snapshot!;
        Console.WriteLine($"{folder}: {snapshot.Parks.Count} parks, {snapshot.Facts.Count} facts");
        Console.WriteLine($"cold {cold:F1} ms; warm median {times[times.Count / 2]:F1} ms, p99 {times[(int)Math.Ceiling(times.Count * 0.99) - 1]:F1} ms over {runs} runs");
        return Task.FromResult(0);
    }
}
