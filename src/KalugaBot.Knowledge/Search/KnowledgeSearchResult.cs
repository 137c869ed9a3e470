namespace KalugaBot.Knowledge.Search;

/// <param name="Score">The ranking score (lexical BM25 blended with coverage; fused with vectors when configured).</param>
/// <param name="Coverage">Share (0..1, weighted by rarity) of what the question asks about that the document mentions.</param>
public sealed record KnowledgeHit(SearchDocument Document, double Score, double Coverage)
{
    public string Id => Document.Id;
    public string Text => Document.Text;
}

/// <param name="Language">The language the question was analysed in.</param>
/// <param name="Concepts">Lexicon concepts the question mentions (for logs and the staff view).</param>
public sealed record KnowledgeSearchResult(string Query, string Language, IReadOnlyList<KnowledgeHit> Hits, IReadOnlyCollection<string> Concepts)
{
    public static KnowledgeSearchResult Empty(string query, string language) => new(query, language, [], []);

    public KnowledgeHit? Best => Hits.Count > 0 ? Hits[0] : null;

    /// <summary>How sure retrieval is that the best hit answers the question: its coverage of the question.</summary>
    public double Confidence => Best?.Coverage ?? 0;
}
