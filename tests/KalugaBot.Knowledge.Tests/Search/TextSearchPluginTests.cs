using KalugaBot.Knowledge.Search;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Data;

namespace KalugaBot.Knowledge.Tests.Search;

public sealed class TextSearchPluginTests(RepoKnowledge knowledge) : IClassFixture<RepoKnowledge>
{
    [Fact]
    public async Task The_search_plugs_into_a_kernel_as_a_plugin()
    {
        var textSearch = new KnowledgeTextSearch(knowledge.Search);
        var kernel = new Kernel();
#pragma warning disable CS0618 // SK 1.82 offers its plugin factory only for the non-generic ITextSearch.
        var plugin = textSearch.CreateWithSearch("Knowledge");
#pragma warning restore CS0618
        kernel.Plugins.Add(plugin);

        var result = await kernel.InvokeAsync("Knowledge", "Search", new KernelArguments { ["query"] = "How big is the special economic zone?" });

        var texts = result.GetValue<IEnumerable<string>>()!.ToList();
        Assert.Contains(texts, t => t.Contains("1107", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generic_search_returns_records_with_sources_and_applies_the_filter()
    {
        ITextSearch<KnowledgeRecord> textSearch = new KnowledgeTextSearch(knowledge.Search);

        var all = await ToListAsync((await textSearch.GetSearchResultsAsync("railway siding", new TextSearchOptions<KnowledgeRecord> { Top = 5 })).Results);
        var known = await ToListAsync((await textSearch.GetSearchResultsAsync("railway siding",
            new TextSearchOptions<KnowledgeRecord> { Top = 5, Filter = r => !r.IsUnknown })).Results);

        Assert.NotEmpty(all);
        Assert.All(known, r => Assert.False(r.IsUnknown));
        Assert.Contains(known, r => r.Link is not null && r.AsOf is not null);
    }

    [Fact]
    public async Task Text_search_results_name_the_fact_and_link_its_source()
    {
        ITextSearch<KnowledgeRecord> textSearch = new KnowledgeTextSearch(knowledge.Search);

        var results = await ToListAsync((await textSearch.GetTextSearchResultsAsync("How big is the special economic zone?")).Results);

        Assert.StartsWith("http", results[0].Link);
        Assert.False(string.IsNullOrWhiteSpace(results[0].Name));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }
}
