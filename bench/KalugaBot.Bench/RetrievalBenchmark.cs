using System.Diagnostics;
using System.Globalization;
using KalugaBot.Bot.Paths;
using KalugaBot.Knowledge.Search;
using KalugaBot.Knowledge.Store;

namespace KalugaBot.Bench;

/// <summary>
/// Index build time and retrieval latency over the repository's knowledge base. Targets: build &lt; 1 s, search &lt; 2 ms p99.
/// <c>dotnet run -c Release --project bench/KalugaBot.Bench -- retrieval [rounds]</c>
/// </summary>
public sealed class RetrievalBenchmark : IBenchmarkCommand
{
    private static readonly (string Language, string Question)[] Questions =
    [
        ("en", "How far is Kaluga from Moscow?"), ("en", "How many industrial parks are there in Kaluga Region?"),
        ("en", "What is the total area of the special economic zone?"), ("en", "Which sites have a railway siding?"),
        ("en", "Which German companies have invested in Kaluga?"), ("en", "How long does a container train from China take?"),
        ("en", "What regional profit tax rate applies to registered investment projects?"), ("en", "What is the gas capacity at Rosva?"),
        ("en", "How much does land cost in Vorsino?"), ("en", "qwzx vbnm plok"),
        ("ru", "Сколько индустриальных парков в Калужской области?"), ("ru", "Какие налоговые льготы есть в ОЭЗ «Калуга»?"),
        ("de", "Wie groß ist die Sonderwirtschaftszone?"), ("de", "Welche deutschen Unternehmen sind in der Region Kaluga tätig?"),
        ("fr", "Quels avantages fiscaux offre la zone économique spéciale ?"), ("it", "Quali aziende italiane sono presenti a Kaluga?"),
        ("pt", "Quantos parques industriais existem na região de Kaluga?"), ("zh", "从中国到卡卢加的集装箱列车需要多长时间？"),
    ];

    public string Name => "retrieval";
    public string Description => "Search index build time and retrieval latency p50/p99 (targets: build < 1 s, p99 < 2 ms).";

    public async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var r) ? r : 200;
        var store = new KnowledgeStore(RepoPaths.Find("knowledge"));

        // Warm-up: JIT and analyzers.
        using (var warm = new KnowledgeSearch(store.Current))
            foreach (var (language, question) in Questions) await warm.SearchAsync(question, language);

        var builds = new List<double>();
        KnowledgeSearch? search = null;
        for (var i = 0; i < 5; i++)
        {
            search?.Dispose();
            var watch = Stopwatch.StartNew();
            search = new KnowledgeSearch(store.Current);
            builds.Add(watch.Elapsed.TotalMilliseconds);
        }

        foreach (var (language, question) in Questions) await search!.SearchAsync(question, language);
        var latencies = new List<double>(rounds * Questions.Length);
        var perQuestion = Questions.ToDictionary(q => q, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        foreach (var q in Questions)
        {
            var watch = Stopwatch.StartNew();
            await search!.SearchAsync(q.Question, q.Language);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            perQuestion[q].Add(watch.Elapsed.TotalMilliseconds);
        }
        var documents = search!.Index.Documents.Count;
        search.Dispose();

        latencies.Sort();
        builds.Sort();
        Console.WriteLine($"Knowledge: {store.Current.Facts.Count} facts, {store.Current.Parks.Count} parks → {documents} documents");
        Console.WriteLine($"{"measure",-28} {"value",10} {"target",10}");
        Row("index build, median (ms)", builds[builds.Count / 2], "< 1000");
        Row("index build, worst (ms)", builds[^1], "< 1000");
        Row($"search p50 (ms, n={latencies.Count})", Percentile(latencies, 0.50), "");
        Row("search p99 (ms)", Percentile(latencies, 0.99), "< 2");
        Row("search max (ms)", latencies[^1], "");
        var slowest = perQuestion.OrderByDescending(p => p.Value.Average()).First();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slowest question: [{slowest.Key.Language}] {slowest.Key.Question} — mean {slowest.Value.Average():F3} ms"));
        var ok = builds[builds.Count / 2] < 1000 && Percentile(latencies, 0.99) < 2;
        Console.WriteLine(ok ? "Targets met." : "Targets NOT met.");
        return 0;
    }

    private static void Row(string name, double value, string target) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {value,10:F3} {target,10}"));

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
