using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Storage;
using LiteDB;

namespace KalugaBot.Bot.Teams;

/// <summary>One reaction (👍 and the like) added to or removed from a bot message; staff read them as feedback.</summary>
public sealed class ReactionRecord
{
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public string ChannelId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    /// <summary>The id of the message reacted to.</summary>
    public string? ReplyToId { get; set; }
    public string? UserId { get; set; }
    public string? UserAadObjectId { get; set; }
    public string Type { get; set; } = "";
    public bool Added { get; set; }
    public DateTime TimestampUtc { get; set; }
}

/// <summary>Stores messageReaction activities in LiteDB (collection <c>reactions</c>).</summary>
public sealed class ReactionLog
{
    private readonly ILiteCollection<ReactionRecord> _reactions;

    public ReactionLog(LiteDbContext db)
    {
        _reactions = db.Collection<ReactionRecord>("reactions");
        _reactions.EnsureIndex(r => r.ConversationId);
    }

    public Task RecordAsync(Activity activity, CancellationToken cancellationToken)
    {
        var rows = (activity.ReactionsAdded ?? []).Select(r => Row(activity, r, added: true))
            .Concat((activity.ReactionsRemoved ?? []).Select(r => Row(activity, r, added: false)))
            .Where(r => r.Type.Length > 0).ToList();
        if (rows.Count > 0) _reactions.InsertBulk(rows);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ReactionRecord>> ForConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ReactionRecord> rows = _reactions.Find(r => r.ConversationId == conversationId).OrderBy(r => r.TimestampUtc).ToList();
        return Task.FromResult(rows);
    }

    private static ReactionRecord Row(Activity activity, MessageReaction reaction, bool added) => new()
    {
        ChannelId = activity.ChannelId ?? "",
        ConversationId = activity.Conversation?.Id ?? "",
        ReplyToId = activity.ReplyToId,
        UserId = activity.From?.Id,
        UserAadObjectId = activity.From?.AadObjectId,
        Type = reaction.Type ?? "",
        Added = added,
        TimestampUtc = (activity.Timestamp ?? DateTimeOffset.UtcNow).UtcDateTime,
    };
}
