using KalugaBot.Knowledge.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace KalugaBot.Knowledge.Tests.Search;

public sealed class HybridSearchTests(RepoKnowledge knowledge) : IClassFixture<RepoKnowledge>
{
    [Fact]
    public void Reciprocal_rank_fusion_favours_documents_ranked_well_by_both()
    {
        var fused = ReciprocalRankFusion.Fuse(60, ["a", "b", "c"], ["b", "c", "a"]);

        Assert.Equal("b", fused[0].Id);
        Assert.Equal(3, fused.Count);
    }

    [Fact]
    public async Task With_an_embedding_generator_both_rankings_are_fused()
    {
        using var search = new KnowledgeSearch(knowledge.Snapshot, Options.Create(new KnowledgeSearchOptions()), new CharacterTrigramEmbeddings());

        var result = await search.SearchAsync("How big is the special economic zone?", "en");

        Assert.True(search.IsHybrid);
        Assert.Equal("sez-area", result.Best?.Id);
    }

    [Fact]
    public async Task A_failing_embedding_service_leaves_the_lexical_answer()
    {
        using var search = new KnowledgeSearch(knowledge.Snapshot, Options.Create(new KnowledgeSearchOptions()), new FailingEmbeddings());

        var result = await search.SearchAsync("How big is the special economic zone?", "en");

        Assert.Equal("sez-area", result.Best?.Id);
    }

    /// <summary>A deterministic stand-in for an embedding model: hashed character trigrams.</summary>
    private sealed class CharacterTrigramEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Vector(v)))));

        private static float[] Vector(string text)
        {
            var vector = new float[256];
            var lower = text.ToLowerInvariant();
            for (var i = 0; i + 3 <= lower.Length; i++) vector[(lower.Substring(i, 3).GetHashCode() & 0x7fffffff) % 256] += 1;
            return vector;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;
        public void Dispose() { }
    }

    private sealed class FailingEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("embedding service unavailable");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;
        public void Dispose() { }
    }
}
