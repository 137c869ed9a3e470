using System.Buffers;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>
/// One Direct Line conversation in memory: its latest activities in recording order, each with a sequence number that
/// is also the watermark. Ids are "{conversationId}|{seq:D7}"; timestamps are the host's clock, strictly increasing.
/// </summary>
/// <remarks>Only the last <paramref name="retain"/> activities stay in memory (polling clients ask for the newest);
/// a client that asks for older ones (a page reload of a long chat) is answered from LiteDB by the store. Activities
/// reach <paramref name="persist"/> in chunks: when they are about to leave memory, and whenever the store asks
/// (<see cref="PersistPending"/>, every second or so).</remarks>
public sealed class ConversationLog(string id, string userId, string? locale, DateTime createdUtc, int retain = ConversationLog.DefaultRetain,
    Action<StoredActivityChunk>? persist = null, TimeProvider? clock = null)
{
    /// <summary>Enough for a polling client a few turns behind; a window of 64 grew each conversation's buffer to 128 KB,
    /// on the large-object heap, for as long as the conversation stayed in memory (bench load, 2026-11-26).</summary>
    public const int DefaultRetain = 16;

    /// <summary>The highest sequence an id can carry (seven digits).</summary>
    public const long MaxSequence = 9_999_999;

    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}|{sequence:D7}";

    private readonly object _gate = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly RetainedActivities _entries = new();
    private TaskCompletionSource? _appended; // made only when a stream waits, so polling-only logs pay nothing
    private DateTimeOffset _lastTimestamp;
    private bool _closed;
    private bool _detached;
    private long _persisted; // the highest sequence handed to persist

    public string Id { get; } = id;
    public string UserId { get; } = userId;
    public string? Locale { get; set; } = locale;
    public DateTime CreatedUtc { get; } = createdUtc;
    public long LastSequence { get; private set; }
    public DateTime LastAccessUtc { get; private set; } = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;

    /// <summary>Completes when the next activity is recorded (a WebSocket stream waits on it).</summary>
    public Task NextAppend
    {
        get
        {
            lock (_gate) return (_appended ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>Stamps the activity with its id and timestamp and records it; returns its sequence and stored JSON (no
    /// serviceUrl, A2301). Null once the store has let this log go (<see cref="Detach"/>): the activity then belongs in the
    /// conversation's current log.</summary>
    public (long Sequence, string Json)? Append(Activity activity, DateTimeOffset now)
    {
        var recorded = Record(activity, now);
        if (recorded is not null) Wake();
        return recorded;
    }

    /// <summary>The store let this log go (idle): it persists what it holds and records nothing more, so a late turn's
    /// activity cannot take a sequence the conversation's next log hands out too.</summary>
    public void Detach()
    {
        lock (_gate)
        {
            _detached = true;
            PersistThrough(_entries.Count);
        }
    }

    /// <summary>Hands the activities recorded since the last call to persist (nothing once closed).</summary>
    public void PersistPending()
    {
        lock (_gate) PersistThrough(_entries.Count);
    }

    // Under the lock: entries [first unpersisted, end) in chunks of at most MaxActivities.
    private void PersistThrough(int end)
    {
        if (_closed || persist is null) return;
        var start = _entries.FirstAfter(_persisted);
        while (start < end)
        {
            var count = Math.Min(end - start, StoredActivityChunk.MaxActivities);
            var chunk = new StoredActivity[count];
            for (var i = 0; i < count; i++) chunk[i] = _entries.StoredAt(start + i);
            persist(StoredActivityChunk.From(Id, chunk));
            _persisted = chunk[^1].Sequence;
            start += count;
        }
    }

    /// <summary>Ends the log (its conversation was erased): nothing it holds or records later is persisted, so a turn
    /// that was under way cannot write the conversation back after its erasure.</summary>
    public void Close()
    {
        lock (_gate) _closed = true;
        Wake();
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

    private (long Sequence, string Json)? Record(Activity activity, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_detached) return null;
            var sequence = ++LastSequence;
            activity.Id = ActivityId(Id, sequence);
            // Web Chat orders by timestamp: never let two activities share one or go backwards.
            _lastTimestamp = now > _lastTimestamp ? now : _lastTimestamp.AddTicks(10);
            activity.Timestamp = _lastTimestamp;
            var serviceUrl = activity.ServiceUrl;
            activity.ServiceUrl = null;
            var json = ProtocolJson.Serialize(activity);
            activity.ServiceUrl = serviceUrl;
            _entries.Add(sequence, _lastTimestamp.UtcDateTime, json);
            if (_entries.Count >= 2 * retain) Trim(); // in chunks, not one removal per append
            LastAccessUtc = now.UtcDateTime;
            return (sequence, json);
        }
    }

    /// <summary>Restores the newest stored activities (after a restart, or when an evicted conversation comes back); older
    /// ones stay in the database and are read from there when a client asks for them.</summary>
    public void Load(IEnumerable<StoredActivity> stored)
    {
        lock (_gate)
        {
            // Only the window goes into the buffer: copying a long history in and trimming it after grew the buffer to
            // the whole history's size. Timestamps rise with the sequence, so the newest carry the latest.
            foreach (var activity in stored.OrderBy(s => s.Sequence).TakeLast(retain))
            {
                var timestamp = DateTime.SpecifyKind(activity.TimestampUtc, DateTimeKind.Utc);
                _entries.Add(activity.Sequence, timestamp, activity.Json);
                LastSequence = Math.Max(LastSequence, activity.Sequence);
                if (timestamp > _lastTimestamp) _lastTimestamp = timestamp;
            }
            _persisted = LastSequence; // all of it came from the database
        }
    }

    private void Trim()
    {
        PersistThrough(_entries.Count - retain); // what leaves memory must be in the database first
        _entries.KeepNewest(retain);
    }

    /// <summary>Writes the ActivitySet with the activities after <paramref name="watermark"/> (at most <paramref name="max"/>)
    /// to <paramref name="output"/>; false, with nothing written, when some of them have left memory (the store then reads
    /// them from LiteDB).</summary>
    public bool TryWriteActivitySetAfter(long watermark, int max, IBufferWriter<byte> output, out long reached)
    {
        lock (_gate)
        {
            LastAccessUtc = _clock.GetUtcNow().UtcDateTime;
            reached = watermark;
            // Sequences start at 1 without gaps: the next one asked for is below the first kept only if it left memory.
            if (_entries.Count > 0 && Math.Max(watermark, 0) + 1 < _entries.SequenceAt(0)) return false;
            var set = new ActivitySetWriter(output, watermark);
            var start = _entries.FirstAfter(watermark);
            var end = Math.Min(_entries.Count, start + max);
            for (var i = start; i < end; i++) set.Add(_entries.SequenceAt(i), _entries.JsonAt(i));
            reached = set.Finish();
            return true;
        }
    }
}
