using KalugaBot.Knowledge.Search;
using KalugaBot.Testing;
using KalugaBot.Testing.Evaluation;
using Microsoft.Extensions.DependencyInjection;

// dotnet run --project bench/KalugaBot.Eval -- [questions.yaml] [--enforce] [--kinds fact,unknown] [--verbose]
// Runs every case through the whole host in memory (fresh conversation each, HTTP /api/messages with expectReplies).
// dotnet run --project bench/KalugaBot.Eval -- --explain "question" [--lang de]: the ranking and coverage for one question.
if (args.Length > 0 && args[0] == "--explain") return await Explain.RunAsync(args[1..]);
var options = EvalOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("Usage: dotnet run --project bench/KalugaBot.Eval -- [questions.yaml] [--enforce] [--kinds fact,unknown] [--verbose]");
    return 2;
}

string path;
try
{
    path = options.Path ?? EvaluationSet.FindDefault(Directory.GetCurrentDirectory());
}
catch (FileNotFoundException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
path = Path.GetFullPath(path);
var set = EvaluationSet.Load(path);
// WebApplicationFactory finds the host's content root through MvcTestingAppManifest.json in the current directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
Console.WriteLine($"Evaluating {set.Cases.Count} cases from {path}");

await using var app = new KalugaBotApp(new Dictionary<string, string?>
{
    ["Logging:LogLevel:Default"] = "Warning",
    ["Logging:LogLevel:Microsoft"] = "Warning",
});
var runner = new EvaluationRunner(app.CreateClient(), app.Services.GetService<IKnowledgeSearch>(), options.Verbose ? Console.WriteLine : null);
var report = await runner.RunAsync(set);

Console.WriteLine();
report.Write(Console.Out);

var violations = report.FloorViolations(options.Kinds);
var scope = options.Kinds is null ? "all kinds" : string.Join(", ", options.Kinds);
Console.WriteLine(violations.Count == 0
    ? $"Floors met ({scope}): en ≥ {EvaluationReport.EnglishFloor:P0}, other languages ≥ {EvaluationReport.OtherLanguageFloor:P0}, no invented figures."
    : $"Below the floor ({scope}):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", violations));
return options.Enforce && violations.Count > 0 ? 1 : 0;

internal sealed record EvalOptions(string? Path, bool Enforce, bool Verbose, IReadOnlyCollection<string>? Kinds)
{
    public static EvalOptions? Parse(string[] args)
    {
        string? path = null;
        bool enforce = false, verbose = false;
        IReadOnlyCollection<string>? kinds = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--enforce": enforce = true; break;
                case "--verbose" or "-v": verbose = true; break;
                case "--kinds" when i + 1 < args.Length:
                    kinds = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case var a when a.StartsWith('-'): return null;
                case var a when path is null: path = a; break;
                default: return null;
            }
        }
        return new EvalOptions(path, enforce, verbose, kinds);
    }
}
