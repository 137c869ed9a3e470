using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Storage;
using LiteDB;

namespace KalugaBot.Protocol.Transcripts;

public sealed class LiteDbTranscriptStore : ITranscriptStore
{
    private const int PageSize = 20;
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<ConversationRecord> _conversations;
    private readonly ILiteCollection<ActivityRecord> _activities;
    private const int MaxCachedRecords = 10_000;
    private readonly object _gate = new();
    private bool _evicted;
    private readonly Dictionary<string, ConversationRecord> _records = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ConversationRecord> _pendingSummaries = new(StringComparer.Ordinal);

    public LiteDbTranscriptStore(LiteDbContext db)
    {
        _db = db;
        _conversations = db.Collection<ConversationRecord>("conversations");
        _activities = db.Collection<ActivityRecord>("activities");
        _conversations.EnsureIndex(c => c.LastActivityUtc);
        // A conversation's rows are read by _id range ("{conversation}|{sequence:D9}"); a second index on ConversationId
        // doubled the index work of every insert, the largest cost of a turn under load (bench load, 2026-11-26).
        _activities.DropIndex(nameof(ActivityRecord.ConversationId));
    }

    public Task LogActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        // Serialised before the gate: the JSON does not depend on the sequence, and inside it every turn of every
        // conversation waited for every other's serialisation (the gate was a tenth of the turns' lock waits under load).
        var logged = activities.Where(a => a.Conversation?.Id is not null).Select(a => (Activity: a, Json: ProtocolJson.Serialize(a))).ToList();
        // Sequence numbers are per conversation and assigned here, under the gate, so overlapping turns of one
        // conversation never collide; the rows themselves are written by the batched background writer.
        lock (_gate)
        {
            foreach (var group in logged.GroupBy(a => a.Activity.Conversation!.Id!))
            {
                var record = Record(group.Key, group.First().Activity);
                var rows = new List<ActivityRecord>();
                foreach (var (activity, json) in group)
                {
                    var timestamp = activity.Timestamp ?? DateTimeOffset.UtcNow;
                    record.ActivityCount++;
                    if (activity.IsType(ActivityTypes.Message)) record.MessageCount++;
                    record.LastActivityUtc = timestamp.UtcDateTime;
                    if (activity.From?.Role == RoleTypes.User)
                    {
                        record.UserId ??= activity.From.Id;
                        record.Locale = activity.Locale ?? record.Locale;
                    }
                    rows.Add(new ActivityRecord
                    {
                        Id = ActivityRecord.MakeId(group.Key, record.ActivityCount),
                        ConversationId = group.Key,
                        Sequence = record.ActivityCount,
                        TimestampUtc = timestamp.UtcDateTime,
                        Type = activity.Type ?? "",
                        Role = activity.From?.Role,
                        Text = activity.Text,
                        Json = json,
                    });
                }
                _db.Writes.Enqueue(_ => _activities.Insert(rows));
                QueueSummary(record.Copy());
            }
        }
        return Task.CompletedTask;
    }

    // A turn logs twice (what came in, what went out): one summary write per conversation waiting in the queue is
    // enough, and it writes whichever snapshot is newest when its turn comes.
    private void QueueSummary(ConversationRecord snapshot)
    {
        while (true)
        {
            if (_pendingSummaries.TryAdd(snapshot.Id, snapshot))
            {
                _db.Writes.Enqueue(_ =>
                {
                    if (_pendingSummaries.TryRemove(snapshot.Id, out var latest)) _conversations.Upsert(latest);
                });
                return;
            }
            if (_pendingSummaries.TryGetValue(snapshot.Id, out var queued) && _pendingSummaries.TryUpdate(snapshot.Id, snapshot, queued)) return;
        }
    }

    // The live summary rows of recent conversations, so a turn never reads its row back from the file.
    private ConversationRecord Record(string conversationId, Activity first)
    {
        if (_records.TryGetValue(conversationId, out var cached)) return cached;
        if (_records.Count >= MaxCachedRecords)
        {
            _records.Clear();
            _evicted = true;
        }
        // Every write goes through this cache, so only an evicted row can have writes still queued.
        if (_evicted) _db.Writes.Flush();
        var record = _conversations.FindById(conversationId) ?? new ConversationRecord
        {
            Id = conversationId,
            ChannelId = first.ChannelId ?? "",
            CreatedUtc = (first.Timestamp ?? DateTimeOffset.UtcNow).UtcDateTime,
        };
        _records[conversationId] = record;
        return record;
    }

    public async Task<PagedResult<Activity>> GetTranscriptActivitiesAsync(string channelId, string conversationId, string? continuationToken = null, DateTimeOffset startDate = default, CancellationToken cancellationToken = default)
    {
        await _db.Writes.FlushAsync().ConfigureAwait(false);
        var from = continuationToken ?? ActivityRecord.MakeId(conversationId, 0);
        var rows = _activities.Find(ActivityRecord.RangeOf(conversationId)).OrderBy(r => r.Sequence).Where(r => string.CompareOrdinal(r.Id, from) > 0)
            .Where(r => r.TimestampUtc >= startDate.UtcDateTime)
            .Take(PageSize).ToList();
        var items = rows.Select(r => ProtocolJson.Deserialize<Activity>(r.Json)!).ToList();
        return new PagedResult<Activity> { Items = items, ContinuationToken = rows.Count == PageSize ? rows[^1].Id : null };
    }

    public async Task<IReadOnlyList<Activity>> GetAllActivitiesAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await _db.Writes.FlushAsync().ConfigureAwait(false);
        IReadOnlyList<Activity> items = _activities.Find(ActivityRecord.RangeOf(conversationId))
            .OrderBy(r => r.Sequence)
            .Select(r => ProtocolJson.Deserialize<Activity>(r.Json)!).ToList();
        return items;
    }

    public async Task<PagedResult<TranscriptInfo>> ListTranscriptsAsync(string channelId, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        await _db.Writes.FlushAsync().ConfigureAwait(false);
        var all = _conversations.Find(c => c.ChannelId == channelId).OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id).ToList();
        var start = continuationToken is null ? 0 : all.FindIndex(c => c.Id == continuationToken) + 1;
        var page = all.Skip(start).Take(PageSize)
            .Select(c => new TranscriptInfo { ChannelId = c.ChannelId, Id = c.Id, Created = new DateTimeOffset(c.CreatedUtc, TimeSpan.Zero) }).ToList();
        return new PagedResult<TranscriptInfo> { Items = page, ContinuationToken = page.Count == PageSize ? page[^1].Id : null };
    }

    public async Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        await _db.Writes.FlushAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _records.Remove(conversationId);
            _activities.DeleteMany(ActivityRecord.RangeOf(conversationId));
            _conversations.Delete(conversationId);
        }
    }
}
