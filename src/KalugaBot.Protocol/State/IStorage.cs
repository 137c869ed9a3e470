using System.Text.Json.Nodes;

namespace KalugaBot.Protocol.State;

/// <summary>Key/value storage of state documents, as Bot Builder's IStorage.</summary>
public interface IStorage
{
    Task<IDictionary<string, JsonObject>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);
    Task WriteAsync(IDictionary<string, JsonObject> changes, CancellationToken cancellationToken = default);
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);
}
