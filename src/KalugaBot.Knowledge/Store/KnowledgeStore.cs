using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Loading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KalugaBot.Knowledge.Store;

/// <summary>
/// Holds the current knowledge snapshot (one per process). The constructor refuses invalid knowledge; <see cref="Reload"/>
/// keeps the last good snapshot when the folder has become invalid and raises <see cref="Changed"/> only on success.
/// </summary>
public sealed class KnowledgeStore
{
    private readonly ILogger _logger;
    private readonly Lock _reloadLock = new();
    private volatile KnowledgeSnapshot _current;

    /// <exception cref="KnowledgeValidationException">The folder is invalid (the message lists every problem).</exception>
    public KnowledgeStore(string folder, ILogger<KnowledgeStore>? logger = null)
    {
        Folder = Path.GetFullPath(folder);
        _logger = logger ?? NullLogger<KnowledgeStore>.Instance;
        _current = KnowledgeLoader.LoadOrThrow(Folder);
        _logger.LogInformation("Knowledge loaded from {Folder}: {Parks} parks, {Facts} facts", Folder, _current.Parks.Count, _current.Facts.Count);
    }

    public string Folder { get; }

    /// <summary>The last valid snapshot; readers take it once per request and keep using that instance.</summary>
    public KnowledgeSnapshot Current => _current;

    /// <summary>Raised after a successful reload (the search index rebuilds itself).</summary>
    public event EventHandler<KnowledgeChangedEventArgs>? Changed;

    /// <summary>Re-reads the folder. On problems the current snapshot stays and the problems are returned.</summary>
    public KnowledgeLoadResult Reload()
    {
        KnowledgeSnapshot previous;
        KnowledgeLoadResult result;
        lock (_reloadLock)
        {
            result = KnowledgeLoader.Load(Folder);
            if (!result.IsValid)
            {
                _logger.LogWarning("Knowledge reload rejected, keeping the last good version: {Problems}",
                    string.Join("; ", result.Problems));
                return result;
            }
            previous = _current;
            _current = result.Snapshot!;
        }
        _logger.LogInformation("Knowledge reloaded: {Parks} parks, {Facts} facts", result.Snapshot!.Parks.Count, result.Snapshot.Facts.Count);
        Changed?.Invoke(this, new KnowledgeChangedEventArgs(previous, result.Snapshot));
        return result;
    }
}
