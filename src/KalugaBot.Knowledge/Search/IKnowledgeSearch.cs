namespace KalugaBot.Knowledge.Search;

/// <summary>Retrieval over the current knowledge snapshot: facts and parks ranked for a question, with a confidence.</summary>
public interface IKnowledgeSearch
{
    /// <param name="language">The question's language (analyzer and lexicon phrasings); null → English.</param>
    KnowledgeSearchResult Search(string query, string? language = null, int top = 5);
}
