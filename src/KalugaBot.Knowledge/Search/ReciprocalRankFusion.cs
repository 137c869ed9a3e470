namespace KalugaBot.Knowledge.Search;

/// <summary>Combines rankings by reciprocal rank: a document's score is Σ 1 / (k + rank) over the rankings it appears in.</summary>
public static class ReciprocalRankFusion
{
    public static IReadOnlyList<(string Id, double Score)> Fuse(int k, params IReadOnlyList<string>[] rankings)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var ranking in rankings)
            for (var rank = 0; rank < ranking.Count; rank++)
                scores[ranking[rank]] = scores.GetValueOrDefault(ranking[rank]) + 1.0 / (k + rank + 1);
        return scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value)).ToList();
    }
}
