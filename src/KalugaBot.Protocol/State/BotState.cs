using System.Text.Json;
using System.Text.Json.Nodes;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.State;

/// <summary>State scoped to a conversation or a user, loaded once per turn and saved at its end, as in Bot Builder.</summary>
public abstract class BotState(IStorage storage, string name)
{
    private readonly string _cacheKey = $"BotState.{name}";

    protected abstract string? GetStorageKey(ITurnContext turnContext);

    public IStatePropertyAccessor<T> CreateProperty<T>(string propertyName) => new PropertyAccessor<T>(this, propertyName);

    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        if (!force && turnContext.TurnState.ContainsKey(_cacheKey)) return;
        var key = GetStorageKey(turnContext);
        JsonObject json = [];
        if (key is not null)
        {
            var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
            if (items.TryGetValue(key, out var stored)) json = stored;
        }
        turnContext.TurnState[_cacheKey] = new CachedState(json);
    }

    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        if (turnContext.TurnState.Get<CachedState>(_cacheKey) is not { } cached) return;
        var key = GetStorageKey(turnContext);
        if (key is null) return;
        var json = cached.Snapshot();
        var text = json.ToJsonString();
        if (!force && text == cached.OriginalText) return;
        await storage.WriteAsync(new Dictionary<string, JsonObject> { [key] = json }, cancellationToken).ConfigureAwait(false);
        cached.OriginalText = text;
    }

    /// <summary>Forgets everything in this scope; used by the error boundary to escape broken dialog state.</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        turnContext.TurnState[_cacheKey] = new CachedState([]);
        var key = GetStorageKey(turnContext);
        if (key is not null) await storage.DeleteAsync([key], cancellationToken).ConfigureAwait(false);
    }

    private async Task<CachedState> CachedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        return turnContext.TurnState.Get<CachedState>(_cacheKey)!;
    }

    private sealed class CachedState(JsonObject json)
    {
        public string OriginalText { get; set; } = json.ToJsonString();
        public JsonObject Json { get; } = json;
        public Dictionary<string, object?> Live { get; } = [];

        public JsonObject Snapshot()
        {
            foreach (var (property, value) in Live)
                Json[property] = value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), ProtocolJson.Options);
            return Json;
        }
    }

    private sealed class PropertyAccessor<T>(BotState state, string propertyName) : IStatePropertyAccessor<T>
    {
        public string Name => propertyName;

        public async Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default)
        {
            var cached = await state.CachedAsync(turnContext, cancellationToken).ConfigureAwait(false);
            if (cached.Live.TryGetValue(propertyName, out var live) && live is T typed) return typed;
            if (cached.Json[propertyName] is { } node && node.Deserialize<T>(ProtocolJson.Options) is { } stored)
            {
                cached.Live[propertyName] = stored;
                return stored;
            }
            if (defaultValueFactory is null) return default!;
            var created = defaultValueFactory();
            cached.Live[propertyName] = created;
            return created;
        }

        public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default)
        {
            var cached = await state.CachedAsync(turnContext, cancellationToken).ConfigureAwait(false);
            cached.Live[propertyName] = value;
        }

        public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var cached = await state.CachedAsync(turnContext, cancellationToken).ConfigureAwait(false);
            cached.Live.Remove(propertyName);
            cached.Json.Remove(propertyName);
        }
    }
}

public interface IStatePropertyAccessor<T>
{
    string Name { get; }
    Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default);
    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);
    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}

public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    protected override string? GetStorageKey(ITurnContext turnContext) =>
        turnContext.Activity.Conversation?.Id is { } id ? $"{turnContext.Activity.ChannelId}/conversations/{id}" : null;
}

public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    protected override string? GetStorageKey(ITurnContext turnContext) =>
        turnContext.Activity.From?.Id is { } id ? $"{turnContext.Activity.ChannelId}/users/{id}" : null;
}
