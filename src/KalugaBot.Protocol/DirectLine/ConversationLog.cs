using System.Text;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>
/// One Direct Line conversation in memory: its latest activities in recording order, each with a sequence number that
/// is also the watermark. Ids are "{conversationId}|{seq:D7}"; timestamps are the host's clock, strictly increasing.
/// </summary>
/// <remarks>Only the last <paramref name="retain"/> activities stay in memory (polling clients ask for the newest);
/// a client that asks for older ones (a page reload of a long chat) is answered from LiteDB by the store.</remarks>
public sealed class ConversationLog(string id, string userId, string? locale, DateTime createdUtc, int retain = ConversationLog.DefaultRetain)
{
    public const int DefaultRetain = 64;

    /// <summary>The highest sequence an id can carry (seven digits).</summary>
    public const long MaxSequence = 9_999_999;

    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}|{sequence:D7}";

    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];
    private TaskCompletionSource? _appended; // made only when a stream waits, so polling-only logs pay nothing
    private DateTimeOffset _lastTimestamp;
    private bool _trimmed;

    public string Id { get; } = id;
    public string UserId { get; } = userId;
    public string? Locale { get; set; } = locale;
    public DateTime CreatedUtc { get; } = createdUtc;
    public long LastSequence { get; private set; }
    public DateTime LastAccessUtc { get; private set; } = DateTime.UtcNow;

    /// <summary>Completes when the next activity is recorded (a WebSocket stream waits on it).</summary>
    public Task NextAppend
    {
        get
        {
            lock (_gate) return (_appended ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>Stamps the activity with its id and timestamp and records it; returns the stored JSON (no serviceUrl, A2301).</summary>
    public (long Sequence, string Json) Append(Activity activity, DateTimeOffset now)
    {
        var recorded = Record(activity, now);
        Wake();
        return recorded;
    }

    /// <summary>Completes <see cref="NextAppend"/>: after an append, or when the store lets this log go (the stream then
    /// finds the conversation's new log).</summary>
    public void Wake()
    {
        TaskCompletionSource? waiting;
        lock (_gate)
        {
            waiting = _appended;
            _appended = null;
        }
        waiting?.TrySetResult();
    }

    private (long Sequence, string Json) Record(Activity activity, DateTimeOffset now)
    {
        lock (_gate)
        {
            var sequence = ++LastSequence;
            activity.Id = ActivityId(Id, sequence);
            // Web Chat orders by timestamp: never let two activities share one or go backwards.
            _lastTimestamp = now > _lastTimestamp ? now : _lastTimestamp.AddTicks(10);
            activity.Timestamp = _lastTimestamp;
            var serviceUrl = activity.ServiceUrl;
            activity.ServiceUrl = null;
            var json = ProtocolJson.Serialize(activity);
            activity.ServiceUrl = serviceUrl;
            _entries.Add(new Entry(sequence, json));
            if (_entries.Count >= 2 * retain) Trim(); // in chunks, not one removal per append
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
            if (_entries.Count > retain) Trim();
        }
    }

    private void Trim()
    {
        _entries.RemoveRange(0, _entries.Count - retain);
        _trimmed = true;
    }

    /// <summary>An ActivitySet JSON with the activities after <paramref name="watermark"/> (at most <paramref name="max"/>),
    /// or null when some of them have left memory (the store then reads them from LiteDB).</summary>
    public string? ActivitySetAfter(long watermark, int max, out long reached)
    {
        lock (_gate)
        {
            LastAccessUtc = DateTime.UtcNow;
            reached = watermark;
            if (_trimmed && watermark < _entries[0].Sequence - 1) return null;
            var start = FirstAfter(watermark);
            var end = Math.Min(_entries.Count, start + max);
            return ActivitySet(_entries.Skip(start).Take(end - start).Select(e => (e.Sequence, e.Json)), watermark, out reached);
        }
    }

    /// <summary>The ActivitySet JSON of stored activities in sequence order; the watermark (<paramref name="reached"/>) is
    /// the last one's sequence.</summary>
    public static string ActivitySet(IEnumerable<(long Sequence, string Json)> activities, long watermark, out long reached)
    {
        var sb = new StringBuilder("{\"activities\":[");
        var next = Math.Max(watermark, 0);
        var first = true;
        foreach (var (sequence, json) in activities)
        {
            if (!first) sb.Append(',');
            sb.Append(json);
            next = sequence;
            first = false;
        }
        // The watermark is always a non-empty string: Web Chat ignores falsy values.
        sb.Append("],\"watermark\":\"").Append(next).Append("\"}");
        reached = next;
        return sb.ToString();
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
