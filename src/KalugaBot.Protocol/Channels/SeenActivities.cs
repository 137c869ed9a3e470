using Microsoft.Extensions.Caching.Memory;

namespace KalugaBot.Protocol.Channels;

/// <summary>Activity ids seen lately, so an activity a channel re-delivers (same id, after a slow answer) runs once.</summary>
/// <remarks>Bounded in time (channels retry within seconds to minutes) and in count: at thousands of turns a second an
/// unbounded cache held hundreds of thousands of ids.</remarks>
public sealed class SeenActivities : IDisposable
{
    public const int MaxRemembered = 50_000;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = MaxRemembered, CompactionPercentage = 0.25 });

    /// <summary>True when this activity was seen before; otherwise remembers it and returns false.</summary>
    public bool SeenBefore(string channelId, string conversationId, string activityId)
    {
        var key = $"{channelId}|{conversationId}|{activityId}";
        if (_seen.TryGetValue(key, out _)) return true;
        _seen.Set(key, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Window, Size = 1 });
        return false;
    }

    public void Dispose() => _seen.Dispose();
}
