namespace KalugaBot.Knowledge.Search;

/// <summary>Configuration section <c>Search</c>: how lexical and vector rankings are fused.</summary>
public sealed class KnowledgeSearchOptions
{
    public const string Section = "Search";

    /// <summary>Reciprocal rank fusion constant k: score = Σ 1 / (k + rank).</summary>
    public int RrfK { get; set; } = 60;

    /// <summary>How many documents each ranking contributes to the fusion.</summary>
    public int Candidates { get; set; } = 20;

    /// <summary>A cosine similarity at or above this counts as covering the question, even without shared words.</summary>
    public double VectorConfidence { get; set; } = 0.85;
}
