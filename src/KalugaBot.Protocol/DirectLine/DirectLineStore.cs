using System.Buffers;
using System.Collections.Concurrent;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Storage;
using LiteDB;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>
/// Direct Line conversations: live in memory for fast polling, persisted in LiteDB (collections
/// <c>directline_conversations</c>, <c>directline_activities</c>) through the batched writer, so a page reload or a host
/// restart resumes with full history. Idle conversations leave memory and are reloaded on demand.
/// </summary>
public sealed class DirectLineStore : IDisposable
{
    public const string ConversationsCollection = "directline_conversations";
    public const string ActivitiesCollection = "directline_activities";

    private readonly LiteDbContext _db;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILiteCollection<ConversationRow> _conversations;
    private readonly ILiteCollection<StoredActivityChunk> _activities;
    private readonly ConcurrentDictionary<string, ConversationLog> _live = new(StringComparer.Ordinal);
    private readonly object _loadGate = new();
    private volatile bool _evicted;
    private readonly ITimer _sweep;
    private readonly object _sweepGate = new();
    private bool _disposed;
    private readonly TimeSpan _evictEvery;
    private DateTimeOffset _lastEviction;

    public DirectLineStore(LiteDbContext db, IOptions<DirectLineOptions> options, TimeProvider clock)
    {
        _db = db;
        _options = options.Value;
        _clock = clock;
        _lastEviction = clock.GetUtcNow();
        _conversations = db.Collection<ConversationRow>(ConversationsCollection);
        _activities = db.Collection<StoredActivityChunk>(ActivitiesCollection);
        _sweep = clock.CreateTimer(_ => Sweep(), null, _options.PersistInterval, _options.PersistInterval);
        _evictEvery = TimeSpan.FromTicks(Math.Max(_options.IdleEviction.Ticks / 4, TimeSpan.FromSeconds(5).Ticks));
    }

    /// <summary>A started conversation, or null if there is none with that id.</summary>
    public ConversationLog? Find(string conversationId)
    {
        if (_live.TryGetValue(conversationId, out var log)) return log;
        lock (_loadGate)
        {
            if (_live.TryGetValue(conversationId, out log)) return log;
            if (_evicted) _db.Writes.Flush(); // an evicted conversation may still have writes in the queue
            if (_conversations.FindById(conversationId) is not { } row) return null;
            log = NewLog(row.Id, row.UserId, row.Locale, row.CreatedUtc);
            log.Load(Stored(row.Id));
            _live[row.Id] = log;
            return log;
        }
    }

    /// <summary>Writes the ActivitySet after <paramref name="watermark"/> to <paramref name="output"/>: from memory, or from
    /// LiteDB when the client is further behind than the activities kept in memory. Returns the watermark reached.</summary>
    public long WriteActivitySetAfter(ConversationLog log, long watermark, int max, IBufferWriter<byte> output)
    {
        if (log.TryWriteActivitySetAfter(watermark, max, output, out var reached)) return reached;
        _db.Writes.Flush();
        var set = new ActivitySetWriter(output, watermark);
        // Rows are keyed by their last activity: the first row from watermark + 1 on holds it, and max rows hold max activities.
        var stored = _activities.Find(StoredFrom(log.Id, Math.Max(watermark, 0) + 1), 0, max).SelectMany(chunk => chunk.All());
        foreach (var activity in stored.Where(a => a.Sequence > watermark).Take(max)) set.Add(activity.Sequence, activity.Json);
        return set.Finish();
    }

    // In id order, as paging reads them; Load keeps the newest window.
    private IEnumerable<StoredActivity> Stored(string conversationId) =>
        _activities.Find(StoredFrom(conversationId, 1)).SelectMany(chunk => chunk.All());

    private ConversationLog NewLog(string id, string userId, string? locale, DateTime createdUtc) =>
        new(id, userId, locale, createdUtc, _options.ActivitiesKeptInMemory, chunk => _db.Writes.Enqueue(_ => _activities.Insert(chunk)), _clock);

    // Ids are "{conversation}|{sequence:D7}", so id order is sequence order and an id range is a stretch of one conversation.
    private static BsonExpression StoredFrom(string conversationId, long sequence) =>
        LiteQuery.InRange("_id", ConversationLog.ActivityId(conversationId, sequence), ConversationLog.ActivityId(conversationId, ConversationLog.MaxSequence));

    /// <summary>Starts the conversation a token was issued for; false if it had been started already.</summary>
    public bool Start(string conversationId, string userId, string? locale, out ConversationLog log)
    {
        lock (_loadGate)
        {
            if (Find(conversationId) is { } existing)
            {
                log = existing;
                return false;
            }
            log = NewLog(conversationId, userId, locale, _clock.GetUtcNow().UtcDateTime);
            _live[conversationId] = log;
            var row = new ConversationRow { Id = conversationId, UserId = userId, Locale = locale, CreatedUtc = log.CreatedUtc };
            _db.Writes.Enqueue(_ => _conversations.Upsert(row));
            return true;
        }
    }

    /// <summary>Records an activity (user echo or bot reply), stamping id and timestamp; returns its id. It reaches the
    /// database with the log's next chunk (<see cref="DirectLineOptions.PersistInterval"/>). A log the sweep let go while
    /// a turn held it takes nothing more; the activity goes to the conversation's current log. Null if the conversation
    /// was erased meanwhile (the activity is dropped with it).</summary>
    public string? Append(ConversationLog log, Activity activity)
    {
        for (var current = log; current is not null; current = Find(log.Id))
            if (current.Append(activity, _clock.GetUtcNow()) is not null) return activity.Id;
        return null;
    }

    /// <summary>The user id a conversation was started for, or null if there is none.</summary>
    public string? UserOf(string conversationId)
    {
        if (_live.TryGetValue(conversationId, out var log)) return log.UserId;
        _db.Writes.Flush(); // a conversation started moments ago may still have its row in the queue
        return _conversations.FindById(conversationId)?.UserId;
    }

    /// <summary>Erases a conversation: its stored activities and row, and its log in memory (an open stream ends and
    /// later requests get 404). Returns the number of rows removed.</summary>
    public int Forget(string conversationId)
    {
        lock (_loadGate)
        {
            if (_live.TryRemove(conversationId, out var log)) log.Close();
            _db.Writes.Flush(); // appends queued before the close land first, and go with the rest
            var removed = _activities.DeleteMany(StoredFrom(conversationId, 0));
            return removed + (_conversations.Delete(conversationId) ? 1 : 0);
        }
    }

    private void Sweep()
    {
        lock (_sweepGate)
        {
            if (!_disposed) PersistAndEvict();
        }
    }

    private void PersistAndEvict()
    {
        foreach (var log in _live.Values) log.PersistPending();
        var now = _clock.GetUtcNow();
        if (now - _lastEviction < _evictEvery) return;
        _lastEviction = now;
        var cutoff = now.UtcDateTime - _options.IdleEviction;
        foreach (var (id, log) in _live)
        {
            if (log.LastAccessUtc >= cutoff) continue;
            // Under the load gate: a load of this conversation waits until the detached log's last chunk is queued.
            lock (_loadGate)
            {
                if (!_live.TryRemove(id, out _)) continue;
                _evicted = true;
                log.Detach();
            }
            log.Wake(); // an open stream waits on this log; it must move to the one a new activity will load
        }
    }

    /// <summary>Writes what the live conversations hold that is not stored yet; the database closes after this.</summary>
    public void Dispose()
    {
        _sweep.Dispose();
        // A sweep under way finishes first; then the last activities are committed before this returns, whatever the
        // container disposes next.
        lock (_sweepGate)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var log in _live.Values) log.PersistPending();
        }
        _db.Writes.Flush();
    }

    public sealed class ConversationRow
    {
        public string Id { get; set; } = "";
        public string UserId { get; set; } = "";
        public string? Locale { get; set; }
        public DateTime CreatedUtc { get; set; }
    }

}
