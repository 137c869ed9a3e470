using System.Globalization;
using KalugaBot.Bench.Load;

namespace KalugaBot.Bench;

/// <summary>
/// Throughput and latency of the real host (own process, real Kestrel port): /api/messages with replies to a loopback
/// connector, then Direct Line post + poll, then Direct Line post + WebSocket stream (the chat page's way). Options: --conversations N (32) --seconds S (10) --warmup S (15) --text "hi"
/// --messages-only --only messages|poll|stream (one scenario, in a host of its own) --rate R (offered turns/s; by default closed-loop, as fast as the host answers)
/// --stalls (after each scenario, its episodes of turns over 25 ms with the host's folds and collections around them). With BENCH_HOST_DLL=bench/KalugaBot.Bench.BareHost/bin/Release/net10.0/KalugaBot.Bench.BareHost.dll
/// and --messages-only it measures ASP.NET Core alone, the floor the host's figures sit on.
/// </summary>
public sealed class LoadBenchmark : IBenchmarkCommand
{
    public string Name => "load";
    public string Description => "turns/s, p50/p99 latency and host memory for /api/messages and Direct Line";

    public async Task<int> RunAsync(string[] args)
    {
        var conversations = IntArg(args, "--conversations", 32);
        var seconds = IntArg(args, "--seconds", 10);
        var warmup = IntArg(args, "--warmup", 15); // tiered JIT settles within ~15 s of load
        var text = StringArg(args, "--text", "hi");
        var rate = IntArg(args, "--rate", 0);
        var only = StringArg(args, "--only", args.Contains("--messages-only") ? "messages" : "");
        bool Runs(string scenario) => only.Length == 0 || only == scenario;
        var stalls = args.Contains("--stalls");

        await using var connector = await LoopbackConnector.StartAsync();
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["DirectLine:TokenPermitsPerWindow"] = "1000000",
        }, storageEvents: stalls);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = conversations * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });

        Console.WriteLine($"Host {host.BaseUrl}, {conversations} concurrent conversations, {warmup} s warm-up + {seconds} s, text \"{text}\", {(rate > 0 ? $"paced at {rate} turns/s" : "closed loop")}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"scenario",-16} {"turns",8} {"turns/s",9} {"p50 ms",8} {"p99 ms",8} {"errors",7} {"host WS MB",11} {"mean WS MB",11} {"peak WS MB",11} {"host CPU ms/turn",17}");

        LoadRun NewRun() => new(conversations, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds))
        {
            HostCpuClock = () => host.ProcessorTime, MeasureStarted = host.StartMemoryWindow, Rate = rate,
        };

        if (Runs("messages"))
        {
            var messages = NewRun();
            await MessagesLoad.RunAsync(messages, http, host.BaseUrl, connector.ServiceUrl, text);
            Print("/api/messages", messages, host, stalls);
            if (connector.Replies < messages.Latencies.Count) Console.WriteLine($"  warning: only {connector.Replies} replies reached the connector");

            if (args.Contains("--expect-replies"))
            {
                var inline = NewRun();
                await MessagesLoad.RunAsync(inline, http, host.BaseUrl, connector.ServiceUrl, text, expectReplies: true);
                Print("expectReplies", inline, host, stalls);
            }
        }

        if (Runs("poll"))
        {
            var directLine = NewRun();
            await DirectLineLoad.RunAsync(directLine, http, host.BaseUrl, text);
            Print("Direct Line", directLine, host, stalls);
        }

        if (Runs("stream"))
        {
            var stream = NewRun();
            await DirectLineStreamLoad.RunAsync(stream, http, host.BaseUrl, text);
            Print("Direct Line WS", stream, host, stalls);
        }
        Console.WriteLine($"host peak WS since start-up: {host.PeakWorkingSet / 1048576} MB");
        return 0;
    }

    private static void Print(string scenario, LoadRun run, HostProcess host, bool stalls)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario,-16} {run.Latencies.Count,8} {run.TurnsPerSecond,9:F0} {run.Latencies.PercentileMs(50),8:F2} {run.Latencies.PercentileMs(99),8:F2} {run.Errors,7} {host.LastWorkingSet / 1048576.0,11:F0} {host.MeanWorkingSet / 1048576.0,11:F0} {host.WindowPeakWorkingSet / 1048576.0,11:F0} {run.HostCpuMsPerTurn,17:F3}"));
        if (run.WarmupLag > TimeSpan.FromMilliseconds(100))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up: fell up to {run.WarmupLag.TotalSeconds:F1} s behind the offered rate (not counted)"));
        if (run.FirstError is { } error) Console.WriteLine("  first error: " + error);
        if (stalls) StallReport.Print(run, host.StorageEvents);
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    private static string StringArg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
