using KalugaBot.Bot.Questions;
using KalugaBot.Knowledge.Search;

namespace KalugaBot.Host.Staff.KnowledgeQueue;

/// <summary>Unanswered questions that say much the same thing, with the fact candidates retrieval saw for them.</summary>
public sealed record QuestionCluster(string Key, IReadOnlyList<UnansweredQuestion> Questions, IReadOnlyList<string> Languages, IReadOnlyList<string> CandidateFacts)
{
    public UnansweredQuestion Representative => Questions[0];
    public DateTime LastAtUtc => Questions.Max(q => q.AtUtc);
}

/// <summary>Groups questions by the overlap of their analysed terms (the knowledge index's per-language stemming):
/// "tax benefits?" and "What tax benefit is there" share their stems and land in one group.</summary>
public sealed class QuestionClusters : IDisposable
{
    public const double Threshold = 0.5;
    private readonly TextAnalysis _analysis = new();
    private readonly object _gate = new();

    public IReadOnlyList<QuestionCluster> Group(IEnumerable<UnansweredQuestion> questions)
    {
        var clusters = new List<(HashSet<string> Terms, List<UnansweredQuestion> Items)>();
        foreach (var q in questions.OrderByDescending(q => q.AtUtc))
        {
            var terms = Terms(q);
            var best = clusters.Select((c, i) => (i, Score: Jaccard(c.Terms, terms))).OrderByDescending(x => x.Score).FirstOrDefault();
            if (clusters.Count > 0 && best.Score >= Threshold)
            {
                clusters[best.i].Items.Add(q);
                clusters[best.i].Terms.UnionWith(terms);
            }
            else clusters.Add((terms, [q]));
        }
        return clusters
            .Select(c => new QuestionCluster(c.Items[0].Id.ToString("N"), c.Items, c.Items.Select(q => q.Language).Distinct().Order().ToList(),
                c.Items.SelectMany(q => q.Candidates).GroupBy(x => x.Id).OrderByDescending(g => g.Max(x => x.Score)).Select(g => g.Key).Take(5).ToList()))
            .OrderByDescending(c => c.Questions.Count).ThenByDescending(c => c.LastAtUtc).ToList();
    }

    private HashSet<string> Terms(UnansweredQuestion q)
    {
        // Analyzers are not thread-safe across concurrent token streams of one instance.
        lock (_gate)
        {
            var terms = _analysis.Tokens(q.Language, q.Text).Select(t => t.Term).ToHashSet();
            return terms.Count > 0 ? terms : [q.Text.Trim().ToLowerInvariant()];
        }
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    public void Dispose() => _analysis.Dispose();
}
