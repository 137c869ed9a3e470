using System.Globalization;
using KalugaBot.Knowledge.Search;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;

/// <summary>Shows why a question gets the answer it gets: the question's concepts and terms, then the top documents.</summary>
internal static class Explain
{
    public static async Task<int> RunAsync(string[] args)
    {
        var language = "en";
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Length) language = args[++i];
            else words.Add(args[i]);
        }
        if (words.Count == 0)
        {
            Console.Error.WriteLine("Usage: dotnet run --project bench/KalugaBot.Eval -- --explain \"question\" [--lang de]");
            return 2;
        }
        var question = string.Join(' ', words);
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        await using var app = new KalugaBotApp(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        var search = app.Services.GetRequiredService<KnowledgeSearch>();
        var plan = search.Index.Plan(question, language);
        Console.WriteLine($"Question [{plan.Language}]: {question}");
        Console.WriteLine("Units: " + string.Join(", ", plan.Units.Select(u => string.Create(CultureInfo.InvariantCulture, $"{(u.IsConcept ? "concept" : "term")}:{u.Key} ({u.Weight:F2})"))));
        var result = await search.SearchAsync(question, language, 10);
        foreach (var hit in result.Hits)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {hit.Score,6:F3}  cov {hit.Coverage:F2}  {hit.Id}{(hit.Document.IsUnknown ? " (unknown)" : "")}"));
        return 0;
    }
}
