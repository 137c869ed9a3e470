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
    private readonly object _gate = new();

    public LiteDbTranscriptStore(LiteDbContext db)
    {
        _db = db;
        _conversations = db.Collection<ConversationRecord>("conversations");
        _activities = db.Collection<ActivityRecord>("activities");
        _conversations.EnsureIndex(c => c.LastActivityUtc);
        _activities.EnsureIndex(a => a.ConversationId);
    }

    public Task LogActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        // Sequence numbers are per conversation; the gate keeps them unique when two turns of one conversation overlap.
        lock (_gate)
        {
            foreach (var group in activities.Where(a => a.Conversation?.Id is not null).GroupBy(a => a.Conversation!.Id!))
            {
                var record = _conversations.FindById(group.Key) ?? new ConversationRecord
                {
                    Id = group.Key,
                    ChannelId = group.First().ChannelId ?? "",
                    CreatedUtc = (group.First().Timestamp ?? DateTimeOffset.UtcNow).UtcDateTime,
                };
                var rows = new List<ActivityRecord>();
                foreach (var activity in group)
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
                        Json = ProtocolJson.Serialize(activity),
                    });
                }
                _db.Database.BeginTrans();
                _activities.Insert(rows);
                _conversations.Upsert(record);
                _db.Database.Commit();
            }
        }
        return Task.CompletedTask;
    }

    public Task<PagedResult<Activity>> GetTranscriptActivitiesAsync(string channelId, string conversationId, string? continuationToken = null, DateTimeOffset startDate = default, CancellationToken cancellationToken = default)
    {
        var from = continuationToken ?? ActivityRecord.MakeId(conversationId, 0);
        var rows = _activities.Find(Query.And(Query.GT("_id", from), Query.LT("_id", conversationId + "|~")))
            .Where(r => r.TimestampUtc >= startDate.UtcDateTime)
            .Take(PageSize).ToList();
        var items = rows.Select(r => ProtocolJson.Deserialize<Activity>(r.Json)!).ToList();
        return Task.FromResult(new PagedResult<Activity> { Items = items, ContinuationToken = rows.Count == PageSize ? rows[^1].Id : null });
    }

    public Task<IReadOnlyList<Activity>> GetAllActivitiesAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Activity> items = _activities.Find(Query.And(Query.GT("_id", conversationId + "|"), Query.LT("_id", conversationId + "|~")))
            .OrderBy(r => r.Sequence)
            .Select(r => ProtocolJson.Deserialize<Activity>(r.Json)!).ToList();
        return Task.FromResult(items);
    }

    public Task<PagedResult<TranscriptInfo>> ListTranscriptsAsync(string channelId, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var all = _conversations.Find(c => c.ChannelId == channelId).OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id).ToList();
        var start = continuationToken is null ? 0 : all.FindIndex(c => c.Id == continuationToken) + 1;
        var page = all.Skip(start).Take(PageSize)
            .Select(c => new TranscriptInfo { ChannelId = c.ChannelId, Id = c.Id, Created = new DateTimeOffset(c.CreatedUtc, TimeSpan.Zero) }).ToList();
        return Task.FromResult(new PagedResult<TranscriptInfo> { Items = page, ContinuationToken = page.Count == PageSize ? page[^1].Id : null });
    }

    public Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _activities.DeleteMany(Query.And(Query.GT("_id", conversationId + "|"), Query.LT("_id", conversationId + "|~")));
            _conversations.Delete(conversationId);
        }
        return Task.CompletedTask;
    }
}
