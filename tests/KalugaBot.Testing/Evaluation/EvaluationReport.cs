using System.Globalization;
using System.Text;

namespace KalugaBot.Testing.Evaluation;

/// <summary>Pass rates by language and kind, retrieval Recall@1/@3 and MRR, the failed cases, and the floors.</summary>
public sealed class EvaluationReport(IReadOnlyList<CaseResult> results)
{
    public const double EnglishFloor = 0.95;
    public const double OtherLanguageFloor = 0.85;

    public IReadOnlyList<CaseResult> Results { get; } = results;

    public static double Floor(string language) => language == "en" ? EnglishFloor : OtherLanguageFloor;

    /// <summary>Why the results (restricted to <paramref name="kinds"/>, all when null) miss the floors; empty when they meet them.</summary>
    public IReadOnlyList<string> FloorViolations(IReadOnlyCollection<string>? kinds = null)
    {
        var counted = Results.Where(r => kinds is null || kinds.Contains(r.Case.Kind)).ToList();
        var violations = counted.GroupBy(r => r.Case.Lang)
            .Select(g => (Language: g.Key, Rate: Rate(g)))
            .Where(x => x.Rate < Floor(x.Language))
            .Select(x => $"{x.Language}: {x.Rate:P0} passed, floor {Floor(x.Language):P0}")
            .ToList();
        violations.AddRange(Results.Where(r => r.InventedFigure).Select(r => $"{r.Case.Id}: states a figure for an unknown fact"));
        return violations;
    }

    public void Write(TextWriter writer)
    {
        writer.WriteLine(Table("language", Results.GroupBy(r => r.Case.Lang)));
        writer.WriteLine(Table("kind", Results.GroupBy(r => r.Case.Kind)));

        var ranked = Results.Where(r => r.RetrievalRank is not null).ToList();
        if (ranked.Count > 0)
        {
            writer.WriteLine($"Retrieval over {ranked.Count} fact/match cases (relevant = a top-{EvaluationRunner.RankDepth} document whose text satisfies the case's regexes):");
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  Recall@1 {RecallAt(ranked, 1):F3}   Recall@3 {RecallAt(ranked, 3):F3}   MRR {Mrr(ranked):F3}"));
            writer.WriteLine();
        }

        var failed = Results.Where(r => !r.Passed).ToList();
        writer.WriteLine(failed.Count == 0 ? "All cases passed." : $"Failed cases ({failed.Count}):");
        foreach (var r in failed)
        {
            writer.WriteLine($"  {r.Case} — {r.Failure}");
            writer.WriteLine($"      reply: {Shorten(r.Reply)}");
        }
    }

    public override string ToString()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer);
        return writer.ToString();
    }

    public static double RecallAt(IReadOnlyCollection<CaseResult> ranked, int k) =>
        ranked.Count == 0 ? 0 : ranked.Count(r => r.RetrievalRank is > 0 && r.RetrievalRank <= k) / (double)ranked.Count;

    public static double Mrr(IReadOnlyCollection<CaseResult> ranked) =>
        ranked.Count == 0 ? 0 : ranked.Sum(r => r.RetrievalRank is int rank && rank > 0 ? 1.0 / rank : 0) / ranked.Count;

    private static double Rate(IEnumerable<CaseResult> group)
    {
        var list = group.ToList();
        return list.Count == 0 ? 1 : list.Count(r => r.Passed) / (double)list.Count;
    }

    private static string Table(string by, IEnumerable<IGrouping<string, CaseResult>> groups)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{by,-10} {"cases",6} {"passed",7} {"rate",7}");
        var all = new List<CaseResult>();
        foreach (var g in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = g.ToList();
            all.AddRange(list);
            sb.AppendLine(CultureInfo.InvariantCulture, $"{g.Key,-10} {list.Count,6} {list.Count(r => r.Passed),7} {Rate(list),7:P0}");
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"total",-10} {all.Count,6} {all.Count(r => r.Passed),7} {Rate(all),7:P0}");
        return sb.ToString();
    }

    private static string Shorten(string text)
    {
        var line = text.Replace("\r", " ").Replace("\n", " ⏎ ");
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
