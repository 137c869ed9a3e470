using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KalugaBot.Protocol.Storage;
using LiteDB;

namespace KalugaBot.Protocol.State;

/// <summary>State documents stored as JSON text in LiteDB, one row per key.</summary>
/// <remarks>Writes go through the batched write queue; until a write is committed, reads are answered from the
/// pending copy, so a turn always sees the state the previous turn saved. Recently read or written rows are also kept
/// (up to <see cref="MaxCachedRows"/>), so a turn does not wait on the writer's batch to read state that has not changed.</remarks>
public sealed class LiteDbStorage : IStorage
{
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<StateRow> _rows;
    /// <summary>Written but not yet committed; a null Json is a pending delete.</summary>
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    /// <summary>Committed rows as the file holds them; a null Json is a row known to be absent.</summary>
    private readonly ConcurrentDictionary<string, Pending> _committed = new(StringComparer.Ordinal);
    public const int MaxCachedRows = 4096;
    private int _generation;

    public LiteDbStorage(LiteDbContext db)
    {
        _db = db;
        _rows = db.Collection<StateRow>("state");
    }

    public Task<IDictionary<string, JsonObject>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        IDictionary<string, JsonObject> result = new Dictionary<string, JsonObject>();
        foreach (var key in keys)
        {
            var json = _pending.TryGetValue(key, out var pending) || _committed.TryGetValue(key, out pending) ? pending.Json : ReadCommitted(key);
            if (json is not null && JsonNode.Parse(json) is JsonObject value) result[key] = value;
        }
        return Task.FromResult(result);
    }

    public Task WriteAsync(IDictionary<string, JsonObject> changes, CancellationToken cancellationToken = default)
    {
        foreach (var (key, value) in changes)
            Queue(key, new Pending(value.ToJsonString()));
        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys) Queue(key, new Pending(null));
        return Task.CompletedTask;
    }

    private string? ReadCommitted(string key)
    {
        var generation = Volatile.Read(ref _generation);
        var json = _rows.FindById(key)?.Json;
        // TryAdd, never overwrite: a write committed since this read put the newer copy there first. After a trim that
        // copy may be gone again, so a read that overlapped a trim is not kept.
        TrimIfFull();
        if (Volatile.Read(ref _generation) == generation) _committed.TryAdd(key, new Pending(json) { Written = true });
        return json;
    }

    // Dropping the whole cache is cheap and safe (the file has every committed row); conversations that are still
    // active come back on their next turn.
    private void TrimIfFull()
    {
        if (_committed.Count < MaxCachedRows) return;
        Interlocked.Increment(ref _generation);
        _committed.Clear();
    }

    private void Queue(string key, Pending pending)
    {
        _pending[key] = pending;
        _db.Writes.Enqueue(_ =>
        {
            pending.Written = false; // a batch that failed elsewhere replays this write
            if (pending.Json is null) _rows.Delete(key);
            else _rows.Upsert(new StateRow { Id = key, Json = pending.Json, UpdatedUtc = DateTime.UtcNow });
            pending.Written = true;
        },
        // Once committed, the copy moves to the committed rows (callbacks run in commit order, so the newest write ends
        // up there); the pending copy stays if a newer write replaced it meanwhile.
        () =>
        {
            if (!pending.Written) _committed.TryRemove(key, out _); // failed: reads go to the file, which has the truth
            else
            {
                TrimIfFull();
                _committed[key] = pending;
            }
            _pending.TryRemove(new KeyValuePair<string, Pending>(key, pending));
        });
    }

    // A class, not a record: the committed callback must match this very write, not an equal one.
    private sealed class Pending(string? json)
    {
        public string? Json { get; } = json;
        /// <summary>Set on the writer thread when the row went into the file (a failed write leaves it false).</summary>
        public volatile bool Written;
    }

    public sealed class StateRow
    {
        public string Id { get; set; } = "";
        public string Json { get; set; } = "{}";
        public DateTime UpdatedUtc { get; set; }
    }
}
