using Microsoft.Extensions.AI;

namespace KalugaBot.Knowledge.Search;

/// <summary>Embeddings of every document of one index, made once by the configured generator (only when one is registered).</summary>
public sealed class VectorIndex
{
    private readonly IReadOnlyList<(SearchDocument Document, ReadOnlyMemory<float> Vector)> _vectors;

    private VectorIndex(IReadOnlyList<(SearchDocument, ReadOnlyMemory<float>)> vectors) => _vectors = vectors;

    public static async Task<VectorIndex> BuildAsync(IReadOnlyList<SearchDocument> documents, IEmbeddingGenerator<string, Embedding<float>> generator, CancellationToken cancellationToken)
    {
        var embeddings = await generator.GenerateAsync(documents.Select(EmbeddingText), cancellationToken: cancellationToken);
        return new VectorIndex(documents.Zip(embeddings, (d, e) => (d, e.Vector)).ToList());
    }

    /// <summary>What a document is embedded as: its titles and question phrasings (all languages) and its English rendering.</summary>
    public static string EmbeddingText(SearchDocument document) =>
        string.Join(" | ", document.Titles.All.Concat(document.Aliases.All).Append(document.Text));

    /// <summary>The most similar documents, best first, with their cosine similarity.</summary>
    public IReadOnlyList<(SearchDocument Document, double Similarity)> Nearest(ReadOnlyMemory<float> query, int top) =>
        _vectors.Select(v => (v.Document, Cosine(query.Span, v.Vector.Span)))
            .OrderByDescending(x => x.Item2).Take(top).ToList();

    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.Length == 0) return 0;
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
