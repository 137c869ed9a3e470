using System.Diagnostics;
using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Store;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KalugaBot.Knowledge.Search;

/// <summary>
/// The search over the knowledge store's current snapshot. The index is built when the service is created and rebuilt
/// when the store reloads. Lexical (BM25 + concepts) always; when an embedding generator is registered, its ranking
/// is fused with the lexical one by reciprocal rank.
/// </summary>
public sealed class KnowledgeSearch : IKnowledgeSearch, IDisposable
{
    private readonly KnowledgeStore? _store;
    private readonly TextAnalysis _analysis = new();
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddings;
    private readonly KnowledgeSearchOptions _options;
    private readonly ILogger _logger;
    private volatile IndexGeneration _current;

    public KnowledgeSearch(KnowledgeStore store, IOptions<KnowledgeSearchOptions>? options = null,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings = null, ILogger<KnowledgeSearch>? logger = null)
        : this(store.Current, options, embeddings, logger)
    {
        _store = store;
        store.Changed += OnKnowledgeChanged;
    }

    /// <summary>A search over a fixed snapshot (tests, benchmarks).</summary>
    public KnowledgeSearch(KnowledgeSnapshot snapshot, IOptions<KnowledgeSearchOptions>? options = null,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings = null, ILogger<KnowledgeSearch>? logger = null)
    {
        _options = options?.Value ?? new KnowledgeSearchOptions();
        _embeddings = embeddings;
        _logger = logger ?? NullLogger<KnowledgeSearch>.Instance;
        _current = Build(snapshot);
    }

    public KnowledgeIndex Index => _current.Index;

    public bool IsHybrid => _embeddings is not null;

    public async ValueTask<KnowledgeSearchResult> SearchAsync(string query, string? language = null, int top = 5, CancellationToken cancellationToken = default)
    {
        var generation = _current;
        var lexical = generation.Index.Search(query, language, Math.Max(top, _options.Candidates));
        if (_embeddings is null || string.IsNullOrWhiteSpace(query)) return lexical with { Hits = lexical.Hits.Take(top).ToList() };
        try
        {
            return await HybridAsync(generation, query, lexical, top, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The embedding service is optional: when it fails, the lexical ranking still answers.
            _logger.LogWarning(ex, "Embedding search failed; answering from the lexical ranking alone");
            return lexical with { Hits = lexical.Hits.Take(top).ToList() };
        }
    }

    private async Task<KnowledgeSearchResult> HybridAsync(IndexGeneration generation, string query, KnowledgeSearchResult lexical, int top, CancellationToken cancellationToken)
    {
        var vectors = await generation.Vectors(_embeddings!);
        var queryVector = await _embeddings!.GenerateVectorAsync(query, cancellationToken: cancellationToken);
        var nearest = vectors.Nearest(queryVector, _options.Candidates);
        var similarity = nearest.ToDictionary(n => n.Document.Id, n => n.Similarity, StringComparer.Ordinal);
        var byId = lexical.Hits.Select(h => h.Document).Concat(nearest.Select(n => n.Document))
            .DistinctBy(d => d.Id).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var plan = generation.Index.Plan(query, lexical.Language);
        var fused = ReciprocalRankFusion.Fuse(_options.RrfK, lexical.Hits.Select(h => h.Id).ToList(), nearest.Select(n => n.Document.Id).ToList());
        var hits = fused.Take(top).Select(f =>
        {
            var document = byId[f.Id];
            var coverage = generation.Index.Coverage(plan, document);
            if (similarity.GetValueOrDefault(f.Id) >= _options.VectorConfidence) coverage = Math.Max(coverage, similarity[f.Id]);
            return new KnowledgeHit(document, f.Score, coverage);
        }).ToList();
        return lexical with { Hits = hits };
    }

    private void OnKnowledgeChanged(object? sender, KnowledgeChangedEventArgs e)
    {
        try
        {
            // The old index is left to the garbage collector: searches already running on it finish undisturbed.
            _current = Build(e.Current);
        }
        catch (Exception ex)
        {
            // Keep answering from the previous index rather than losing search altogether.
            _logger.LogError(ex, "Rebuilding the search index failed; the previous index stays in use");
        }
    }

    private IndexGeneration Build(KnowledgeSnapshot snapshot)
    {
        var watch = Stopwatch.StartNew();
        var index = KnowledgeIndex.Build(snapshot, _analysis);
        _logger.LogInformation("Search index built: {Documents} documents in {Elapsed} ms", index.Documents.Count, watch.ElapsedMilliseconds);
        return new IndexGeneration(index);
    }

    public void Dispose()
    {
        if (_store is not null) _store.Changed -= OnKnowledgeChanged;
        _current.Index.Dispose();
        _analysis.Dispose();
    }

    /// <summary>One index and (lazily) its document embeddings.</summary>
    private sealed class IndexGeneration(KnowledgeIndex index)
    {
        private Task<VectorIndex>? _vectors;
        private readonly Lock _gate = new();

        public KnowledgeIndex Index { get; } = index;

        public Task<VectorIndex> Vectors(IEmbeddingGenerator<string, Embedding<float>> generator)
        {
            lock (_gate)
            {
                // A failed attempt is retried on the next question.
                if (_vectors is null || _vectors.IsFaulted || _vectors.IsCanceled)
                    _vectors = VectorIndex.BuildAsync(Index.Documents, generator, CancellationToken.None);
                return _vectors;
            }
        }
    }
}
