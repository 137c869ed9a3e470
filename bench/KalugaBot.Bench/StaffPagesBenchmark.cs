using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using KalugaBot.Bench.Load;
using KalugaBot.Host.Staff.Auth;
using KalugaBot.Host.Staff.Search;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Transcripts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Activity = KalugaBot.Protocol.Schema.Activity;

namespace KalugaBot.Bench;

/// <summary>Staff list and search pages over 10,000 conversations / 200,000 activities: p50/p95 latency and the memory of
/// the host process alone (the data is generated in this process first, then served by the real host in its own).
/// <c>dotnet run -c Release --project bench/KalugaBot.Bench -- staff [--conversations 10000] [--activities 20] [--requests 100]</c></summary>
public sealed partial class StaffPagesBenchmark : IBenchmarkCommand
{
    public string Name => "staff";
    public string Description => "Staff portal list/search p95 latency and memory with 10,000 conversations / 200,000 activities";

    private static readonly Dictionary<string, string[]> Words = new()
    {
        ["en"] = ["industrial", "park", "land", "plot", "tax", "benefits", "railway", "siding", "electricity", "workforce", "logistics", "warehouse", "investment", "hectares", "gas", "water", "customs"],
        ["ru"] = ["индустриальный", "парк", "участок", "земля", "налоговые", "льготы", "инвесторов", "железная", "дорога", "электричество", "логистика", "склад", "гектаров", "газ", "вода", "таможня"],
        ["de"] = ["Industriepark", "Grundstücke", "Steuervorteile", "Bahnanschluss", "Strom", "Fachkräfte", "Logistik", "Lager", "Investition", "Hektar", "Gas", "Wasser", "Zoll"],
        ["fr"] = ["parc", "industriel", "terrain", "avantages", "fiscaux", "électricité", "logistique", "entrepôt", "investissement"],
        ["zh"] = ["工业园", "土地", "税收", "优惠", "铁路", "电力", "物流", "仓库", "投资"],
    };

    public async Task<int> RunAsync(string[] args)
    {
        var conversations = Arg(args, "--conversations", 10_000);
        var perConversation = Arg(args, "--activities", 20);
        var requests = Arg(args, "--requests", 100);
        var folder = Path.Combine(Path.GetTempPath(), "kalugabot-bench", "staff-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Data is generated in process (the factory looks for the host's content root beside a solution file) …
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_KALUGABOT_HOST", HostFolder());
            await using (var app = new BenchApp(folder))
            {
                app.CreateClient().Dispose(); // starts the host
                var watch = Stopwatch.StartNew();
                await GenerateAsync(app.Services.GetRequiredService<ITranscriptLogger>(), conversations, perConversation);
                Console.WriteLine($"Generated {conversations:N0} conversations / {conversations * perConversation:N0} activities in {watch.Elapsed.TotalSeconds:F1} s");
                watch.Restart();
                var indexed = await app.Services.GetRequiredService<TranscriptIndexer>().CatchUpAsync();
                Console.WriteLine($"Indexed {indexed:N0} activities in {watch.Elapsed.TotalSeconds:F1} s");
                app.Services.GetRequiredService<StaffUserStore>().CreateOrUpdate(Email, Password, StaffRoles.Admin);
            }

            // … and the pages are served by the real host in its own process, so its memory is measured alone.
            await using var host = await HostProcess.StartAsync(HostSettings(), folder);
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
            {
                BaseAddress = new Uri(host.BaseUrl),
            };
            await SignInAsync(client);
            var random = new Random(7);
            var lists = new[] { "/staff/conversations", "/staff/conversations?Page=37", "/staff/conversations?Language=ru", "/staff/conversations?Language=de&Page=3",
                "/staff/conversations?Reviewed=false&Page=120", "/staff/conversations?HandedOff=false&Channel=webchat" };
            var searches = Words.Values.SelectMany(w => w).ToArray();
            var list = await MeasureAsync(client, requests, i => lists[i % lists.Length]);
            var search = await MeasureAsync(client, requests, _ => "/staff/search?q=" + Uri.EscapeDataString(searches[random.Next(searches.Length)]));
            var search2 = await MeasureAsync(client, requests, _ => "/staff/search?q=" + Uri.EscapeDataString(searches[random.Next(searches.Length)] + " " + searches[random.Next(searches.Length)]) + "&p=2");
            await Task.Delay(500); // one more memory sample after the last request

            Console.WriteLine();
            Console.WriteLine("| page | requests | p50 ms | p95 ms | max ms |");
            Console.WriteLine("|---|---|---|---|---|");
            Report("conversation list (filters, paging)", list);
            Report("search, one word", search);
            Report("search, two words, page 2", search2);
            Console.WriteLine();
            Console.WriteLine($"Host process (alone): working set {host.LastWorkingSet / 1048576} MB, peak {host.PeakWorkingSet / 1048576} MB");
            Console.WriteLine($"Database {new FileInfo(Path.Combine(folder, "kalugabot.db")).Length / 1024 / 1024} MB, index {Directory.EnumerateFiles(Path.Combine(folder, "staff-index")).Sum(f => new FileInfo(f).Length) / 1024 / 1024} MB");
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task GenerateAsync(ITranscriptLogger logger, int conversations, int perConversation)
    {
        var random = new Random(42);
        var languages = Words.Keys.ToArray();
        var channels = new[] { "webchat", "msteams", "directline" };
        var start = DateTimeOffset.UtcNow.AddDays(-60);
        for (var c = 0; c < conversations; c++)
        {
            var language = languages[random.Next(languages.Length)];
            var id = $"bench-{c:D6}";
            var user = new ChannelAccount($"user-{c}", null, RoleTypes.User);
            var bot = new ChannelAccount("bot", "KalugaBot", RoleTypes.Bot);
            var channel = channels[random.Next(channels.Length)];
            var time = start.AddMinutes(random.Next(60 * 24 * 60));
            var turn = new List<Activity>(perConversation);
            for (var a = 0; a < perConversation; a++)
            {
                var fromUser = a % 2 == 0;
                time = time.AddSeconds(fromUser ? random.Next(5, 120) : 1);
                var words = Words[language];
                var text = string.Join(' ', Enumerable.Range(0, random.Next(6, 18)).Select(_ => words[random.Next(words.Length)]));
                turn.Add(new Activity
                {
                    Type = ActivityTypes.Message, Id = $"{id}-{a}", Timestamp = time, ChannelId = channel, Locale = language,
                    Conversation = new ConversationAccount(id), From = fromUser ? user : bot, Recipient = fromUser ? bot : user, Text = text,
                });
            }
            await logger.LogActivitiesAsync(turn);
        }
    }

    private const string Email = "bench@agency.test";
    private const string Password = "benchmark passphrase";

    private static Dictionary<string, string> HostSettings() => new()
    {
        // The data was indexed above; the background indexer and retention would only compete for the 2 cores.
        ["Staff:IndexIntervalSeconds"] = "3600",
        ["Staff:RetentionDays"] = "0",
    };

    private static async Task SignInAsync(HttpClient client)
    {
        var form = await client.GetStringAsync("/staff/login");
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        using var response = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Email, ["Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("Sign-in failed: " + response.StatusCode);
    }

    private static async Task<List<double>> MeasureAsync(HttpClient client, int requests, Func<int, string> url)
    {
        for (var i = 0; i < 5; i++) (await client.GetAsync(url(i))).EnsureSuccessStatusCode(); // warm-up
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url(i));
            await response.Content.ReadAsStringAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }
        return times;
    }

    private static void Report(string name, List<double> times)
    {
        var sorted = times.Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine($"| {name} | {sorted.Count} | {P(0.5):F1} | {P(0.95):F1} | {sorted[^1]:F1} |");
    }

    private static string HostFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KalugaBot.sln"))) return Path.Combine(dir.FullName, "src", "KalugaBot.Host");
        return Directory.GetCurrentDirectory();
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) && v > 0 ? v : fallback;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private sealed class BenchApp(string folder) : WebApplicationFactory<StaffUserStore>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = folder,
                ["Logging:LogLevel:Default"] = "Warning",
                // The benchmark indexes explicitly; the background indexer would only compete for the 2 cores.
                ["Staff:IndexIntervalSeconds"] = "3600",
                ["Staff:RetentionDays"] = "0",
            }));
        }
    }
}
