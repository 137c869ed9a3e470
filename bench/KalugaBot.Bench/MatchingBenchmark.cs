using System.Diagnostics;
using System.Net.Http.Json;
using KalugaBot.Bot.Matching;
using KalugaBot.Knowledge.Matching.Extraction;
using KalugaBot.Protocol.Schema;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Bench;

/// <summary>A matching turn: (1) extraction + ranking in-process, (2) a whole HTTP turn through /api/messages
/// (routing, extraction, ranking, cards, map URL, state in LiteDB). Reports p50/p99 after warm-up.</summary>
public sealed class MatchingBenchmark : IBenchmarkCommand
{
    public string Name => "matching";
    public string Description => "matching turn incl. extraction: in-process and over HTTP (p50/p99, target p99 < 20 ms)";

    private static readonly (string Lang, string Text)[] Requests =
    [
        ("en", "We are a German auto-parts supplier, need 15–20 ha, about 10 MW, rail siding preferred, within 150 km of Moscow"),
        ("ru", "Нужен участок 50 га, газ, рядом трасса М3, не дальше 150 км от Москвы"),
        ("it", "Mi servono 30 ettari con raccordo ferroviario, settore farmaceutico"),
        ("de", "Wir brauchen mindestens 20 Hektar mit Gleisanschluss für Lebensmittel"),
        ("fr", "Nous cherchons au moins 25 hectares avec embranchement ferroviaire, à moins de 100 km de Moscou"),
        ("pt", "Precisamos de pelo menos 40 hectares com ramal ferroviário, perto de Moscou"),
        ("zh", "汽车零部件工厂，需要15-20公顷，10兆瓦，需要铁路专用线"),
    ];

    public async Task<int> RunAsync(string[] args)
    {
        var iterations = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 700;
        var folder = Path.Combine(Path.GetTempPath(), "kalugabot-bench", Guid.NewGuid().ToString("N"));
        // The factory looks for the host's content root beside a solution file; point it at src/KalugaBot.Host.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_KALUGABOT_HOST", HostFolder());
        // Any type of the host assembly will do: the bench has a Program of its own.
        await using var factory = new WebApplicationFactory<KalugaBot.Host.Knowledge.KnowledgeFolder>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = folder }));
        });
        var http = factory.CreateClient();
        var engine = factory.Services.GetRequiredService<MatchingEngine>();

        var warm = Stopwatch.StartNew();
        NumberWords.WarmUp();
        Console.WriteLine($"Recognizers.Text models built in {warm.ElapsedMilliseconds} ms (once per process)");

        var inProcess = Measure(iterations, i =>
        {
            var (lang, text) = Requests[i % Requests.Length];
            var requirements = engine.Extract(text, lang).Requirements;
            _ = engine.Rank(requirements);
            return Task.CompletedTask;
        });
        var extractionOnly = Measure(iterations, i =>
        {
            var (lang, text) = Requests[i % Requests.Length];
            _ = engine.Extract(text, lang);
            return Task.CompletedTask;
        });
        var overHttp = Measure(iterations / 2, async i =>
        {
            var (lang, text) = Requests[i % Requests.Length];
            var activity = new KalugaBot.Protocol.Schema.Activity
            {
                Type = ActivityTypes.Message, Text = text, Id = $"b{i}", ChannelId = "bench", ServiceUrl = "http://localhost/unused",
                Conversation = new ConversationAccount($"bench-{i}"), From = new ChannelAccount($"u{i}", "Investor", RoleTypes.User),
                Recipient = new ChannelAccount("bot", "KalugaBot", RoleTypes.Bot), Locale = lang, DeliveryMode = DeliveryModes.ExpectReplies,
            };
            using var response = await http.PostAsJsonAsync("/api/messages", activity, ProtocolJson.Options);
            response.EnsureSuccessStatusCode();
            _ = await response.Content.ReadAsByteArrayAsync();
        });

        Console.WriteLine($"{"measure",-44} {"n",6} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
        Print("extraction only (7 languages)", extractionOnly);
        Print("extraction + ranking (in-process)", inProcess);
        Print("whole matching turn over HTTP (new conv.)", overHttp);
        try { Directory.Delete(folder, true); } catch (IOException) { }
        return 0;
    }

    private static string HostFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KalugaBot.sln"))) return Path.Combine(dir.FullName, "src", "KalugaBot.Host");
        return Directory.GetCurrentDirectory();
    }

    private static List<double> Measure(int iterations, Func<int, Task> action)
    {
        // Warm-up: JIT, regex caches, first LiteDB writes.
        for (var i = 0; i < Math.Min(100, iterations); i++) action(i).GetAwaiter().GetResult();
        var times = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            action(i).GetAwaiter().GetResult();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    private static void Print(string name, List<double> sorted)
    {
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine($"{name,-44} {sorted.Count,6} {P(0.50),8:F2} {P(0.99),8:F2} {sorted[^1],8:F2}");
    }
}
