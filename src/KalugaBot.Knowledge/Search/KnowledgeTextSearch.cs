using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel.Data;

namespace KalugaBot.Knowledge.Search;

/// <summary>
/// The knowledge search as a Semantic Kernel text search, so an LLM-driven kernel can use it as a plugin
/// (<c>textSearch.CreateWithSearch("Knowledge")</c>). Optional: the bot answers without any LLM.
/// </summary>
/// <remarks>
/// SK 1.82 marks the non-generic <see cref="ITextSearch"/> obsolete, yet its plugin factories (CreateWithSearch, …) accept
/// only that interface, so both are implemented until SK offers generic factories.
/// </remarks>
#pragma warning disable CS0618
public sealed class KnowledgeTextSearch(IKnowledgeSearch search) : ITextSearch<KnowledgeRecord>, ITextSearch
{
    public Task<KernelSearchResults<string>> SearchAsync(string query, TextSearchOptions<KnowledgeRecord>? searchOptions = null, CancellationToken cancellationToken = default) =>
        ResultsAsync(query, searchOptions?.Top, searchOptions?.Skip, searchOptions?.Filter?.Compile(), r => r.Text, cancellationToken);

    public Task<KernelSearchResults<TextSearchResult>> GetTextSearchResultsAsync(string query, TextSearchOptions<KnowledgeRecord>? searchOptions = null, CancellationToken cancellationToken = default) =>
        ResultsAsync(query, searchOptions?.Top, searchOptions?.Skip, searchOptions?.Filter?.Compile(), ToTextSearchResult, cancellationToken);

    public Task<KernelSearchResults<KnowledgeRecord>> GetSearchResultsAsync(string query, TextSearchOptions<KnowledgeRecord>? searchOptions = null, CancellationToken cancellationToken = default) =>
        ResultsAsync(query, searchOptions?.Top, searchOptions?.Skip, searchOptions?.Filter?.Compile(), r => r, cancellationToken);

    // The non-generic interface is what the SK plugin factories (CreateWithSearch, …) take. Its legacy filter is not supported.
    public Task<KernelSearchResults<string>> SearchAsync(string query, TextSearchOptions? searchOptions = null, CancellationToken cancellationToken = default) =>
        ResultsAsync(query, searchOptions?.Top, searchOptions?.Skip, null, r => r.Text, cancellationToken);

    public Task<KernelSearchResults<TextSearchResult>> GetTextSearchResultsAsync(string query, TextSearchOptions? searchOptions = null, CancellationToken cancellationToken = default) =>
        ResultsAsync(query, searchOptions?.Top, searchOptions?.Skip, null, ToTextSearchResult, cancellationToken);

    public Task<KernelSearchResults<object>> GetSearchResultsAsync(string query, TextSearchOptions? searchOptions = null, CancellationToken cancellationToken = default) =>
        ResultsAsync<object>(query, searchOptions?.Top, searchOptions?.Skip, null, r => r, cancellationToken);

#pragma warning restore CS0618

    private async Task<KernelSearchResults<T>> ResultsAsync<T>(string query, int? top, int? skip, Func<KnowledgeRecord, bool>? filter,
        Func<KnowledgeRecord, T> map, CancellationToken cancellationToken)
    {
        var take = top ?? 5;
        var from = skip ?? 0;
        var result = await search.SearchAsync(query, ScriptLanguage.Guess(query), from + take + (filter is null ? 0 : 20), cancellationToken);
        var records = result.Hits.Select(KnowledgeRecord.From).Where(r => filter?.Invoke(r) ?? true).Skip(from).Take(take).ToList();
        return new KernelSearchResults<T>(Enumerate(records.Select(map)), records.Count);
    }

    private static TextSearchResult ToTextSearchResult(KnowledgeRecord record) =>
        new(record.Text) { Name = record.Title, Link = record.Link };

    private static async IAsyncEnumerable<T> Enumerate<T>(IEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
        await Task.CompletedTask;
    }
}
