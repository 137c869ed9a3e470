using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KalugaBot.Protocol.Storage;
using LiteDB;

namespace KalugaBot.Protocol.State;

/// <summary>State documents stored as JSON text in LiteDB, one row per key.</summary>
/// <remarks>Writes go through the batched write queue; until a write is committed, reads are answered from the
/// pending copy, so a turn always sees the state the previous turn saved.</remarks>
public sealed class LiteDbStorage : IStorage
{
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<StateRow> _rows;
    /// <summary>Written but not yet committed; a null Json is a pending delete.</summary>
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);

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
            var json = _pending.TryGetValue(key, out var pending) ? pending.Json : _rows.FindById(key)?.Json;
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

    private void Queue(string key, Pending pending)
    {
        _pending[key] = pending;
        _db.Writes.Enqueue(_ =>
        {
            if (pending.Json is null) _rows.Delete(key);
            else _rows.Upsert(new StateRow { Id = key, Json = pending.Json, UpdatedUtc = DateTime.UtcNow });
        },
        // Once committed, reads can go to the file; keep the copy if a newer write replaced it meanwhile.
        () => _pending.TryRemove(new KeyValuePair<string, Pending>(key, pending)));
    }

    // A class, not a record: the committed callback must match this very write, not an equal one.
    private sealed class Pending(string? json) { public string? Json { get; } = json; }

    public sealed class StateRow
    {
        public string Id { get; set; } = "";
        public string Json { get; set; } = "{}";
        public DateTime UpdatedUtc { get; set; }
    }
}
