using System.Text;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>
/// One Direct Line conversation in memory: its activities in recording order, each with a sequence number that is
/// also the watermark. Ids are "{conversationId}|{seq:D7}"; timestamps are the host's clock, strictly increasing.
/// </summary>
public sealed class ConversationLog(string id, string userId, string? locale, DateTime createdUtc)
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];
    private DateTimeOffset _lastTimestamp;

    public string Id { get; } = id;
    public string UserId { get; } = userId;
    public string? Locale { get; set; } = locale;
    public DateTime CreatedUtc { get; } = createdUtc;
    public long LastSequence { get; private set; }
    public DateTime LastAccessUtc { get; private set; } = DateTime.UtcNow;

    /// <summary>Stamps the activity with its id and timestamp and records it; returns the stored JSON (no serviceUrl, A2301).</summary>
    public (long Sequence, string Json) Append(Activity activity, DateTimeOffset now)
    {
        lock (_gate)
        {
            var sequence = ++LastSequence;
            activity.Id = $"{Id}|{sequence:D7}";
            // Web Chat orders by timestamp: never let two activities share one or go backwards.
            _lastTimestamp = now > _lastTimestamp ? now : _lastTimestamp.AddTicks(10);
            activity.Timestamp = _lastTimestamp;
            var serviceUrl = activity.ServiceUrl;
            activity.ServiceUrl = null;
            var json = ProtocolJson.Serialize(activity);
            activity.ServiceUrl = serviceUrl;
            _entries.Add(new Entry(sequence, json));
            LastAccessUtc = DateTime.UtcNow;
            return (sequence, json);
        }
    }

    /// <summary>Restores stored activities after a restart.</summary>
    public void Load(IEnumerable<(long Sequence, string Json, DateTime TimestampUtc)> stored)
    {
        lock (_gate)
        {
            foreach (var (sequence, json, timestamp) in stored.OrderBy(s => s.Sequence))
            {
                _entries.Add(new Entry(sequence, json));
                LastSequence = Math.Max(LastSequence, sequence);
                var ts = new DateTimeOffset(DateTime.SpecifyKind(timestamp, DateTimeKind.Utc));
                if (ts > _lastTimestamp) _lastTimestamp = ts;
            }
        }
    }

    /// <summary>An ActivitySet JSON with the activities after <paramref name="watermark"/> (at most <paramref name="max"/>).</summary>
    public string ActivitySetAfter(long watermark, int max)
    {
        lock (_gate)
        {
            LastAccessUtc = DateTime.UtcNow;
            var start = FirstAfter(watermark);
            var end = Math.Min(_entries.Count, start + max);
            var sb = new StringBuilder("{\"activities\":[");
            for (var i = start; i < end; i++)
            {
                if (i > start) sb.Append(',');
                sb.Append(_entries[i].Json);
            }
            var next = end > start ? _entries[end - 1].Sequence : Math.Max(watermark, 0);
            // The watermark is always a non-empty string: Web Chat ignores falsy values.
            sb.Append("],\"watermark\":\"").Append(next).Append("\"}");
            return sb.ToString();
        }
    }

    private int FirstAfter(long watermark)
    {
        int lo = 0, hi = _entries.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_entries[mid].Sequence <= watermark) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private readonly record struct Entry(long Sequence, string Json);
}
