using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.Builder;

public delegate Task<ResourceResponse[]> SendActivitiesHandler(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next);

/// <summary>One turn: the incoming activity, a way to reply, and state scoped to the turn.</summary>
public interface ITurnContext
{
    BotAdapter Adapter { get; }
    Activity Activity { get; }
    TurnContextStateCollection TurnState { get; }
    /// <summary>True once the bot has sent at least one non-trace activity in this turn.</summary>
    bool Responded { get; }

    Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);
    Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);
    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);

    /// <summary>Adds a handler that sees (and may change) every batch of outgoing activities.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);
}

/// <summary>Per-turn services and values, keyed by type or name.</summary>
public sealed class TurnContextStateCollection : Dictionary<string, object>
{
    public T? Get<T>() where T : class => Get<T>(typeof(T).FullName!);
    public T? Get<T>(string key) where T : class => TryGetValue(key, out var value) ? value as T : null;
    public void Set<T>(T value) where T : class => this[typeof(T).FullName!] = value;
    public void Set<T>(string key, T value) where T : class => this[key] = value;
}
