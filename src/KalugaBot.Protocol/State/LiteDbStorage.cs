using System.Text.Json.Nodes;
using KalugaBot.Protocol.Storage;
using LiteDB;

namespace KalugaBot.Protocol.State;

/// <summary>State documents stored as JSON text in LiteDB, one row per key.</summary>
public sealed class LiteDbStorage(LiteDbContext db) : IStorage
{
    private readonly ILiteCollection<StateRow> _rows = db.Collection<StateRow>("state");

    public Task<IDictionary<string, JsonObject>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        IDictionary<string, JsonObject> result = new Dictionary<string, JsonObject>();
        foreach (var key in keys)
        {
            var row = _rows.FindById(key);
            if (row is not null && JsonNode.Parse(row.Json) is JsonObject value) result[key] = value;
        }
        return Task.FromResult(result);
    }

    public Task WriteAsync(IDictionary<string, JsonObject> changes, CancellationToken cancellationToken = default)
    {
        foreach (var (key, value) in changes)
            _rows.Upsert(new StateRow { Id = key, Json = value.ToJsonString(), UpdatedUtc = DateTime.UtcNow });
        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys) _rows.Delete(key);
        return Task.CompletedTask;
    }

    public sealed class StateRow
    {
        public string Id { get; set; } = "";
        public string Json { get; set; } = "{}";
        public DateTime UpdatedUtc { get; set; }
    }
}
