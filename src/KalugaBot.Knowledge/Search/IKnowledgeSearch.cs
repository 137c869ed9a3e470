namespace KalugaBot.Knowledge.Search;

/// <summary>Retrieval over the current knowledge snapshot: facts and park fields ranked for a question, with a confidence.</summary>
public interface IKnowledgeSearch
{
    /// <param name="language">The question's language (analyzer and fields); null → English.</param>
    ValueTask<KnowledgeSearchResult> SearchAsync(string query, string? language = null, int top = 5, CancellationToken cancellationToken = default);
}
