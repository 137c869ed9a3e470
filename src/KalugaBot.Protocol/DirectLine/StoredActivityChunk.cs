namespace KalugaBot.Protocol.DirectLine;

/// <summary>A row of <c>directline_activities</c>: consecutive activities of one conversation, keyed by the last one's id
/// ("{conversationId}|{sequence:D7}"), so id order is sequence order, a conversation is one id range, and the first row
/// at or after an id holds that activity.</summary>
/// <remarks>A conversation's activities are written a chunk at a time (at most <see cref="MaxActivities"/>), not a row
/// each: under load the second copy of every activity was a third of the database writer's inserts. Rows written one
/// activity each (before chunks) read as chunks of one.</remarks>
public sealed class StoredActivityChunk
{
    public const int MaxActivities = 256;

    public string Id { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public long Sequence { get; set; }
    public DateTime TimestampUtc { get; set; }
    public string Json { get; set; } = "";
    /// <summary>The activities after the first, in sequence order; null in a chunk of one.</summary>
    public List<StoredActivity>? Following { get; set; }

    public IEnumerable<StoredActivity> All()
    {
        yield return new StoredActivity { Sequence = Sequence, TimestampUtc = TimestampUtc, Json = Json };
        foreach (var next in Following ?? []) yield return next;
    }

    public static StoredActivityChunk From(string conversationId, IReadOnlyList<StoredActivity> activities) => new()
    {
        Id = ConversationLog.ActivityId(conversationId, activities[^1].Sequence),
        ConversationId = conversationId,
        Sequence = activities[0].Sequence,
        TimestampUtc = activities[0].TimestampUtc,
        Json = activities[0].Json,
        Following = activities.Count > 1 ? activities.Skip(1).ToList() : null,
    };
}

public sealed class StoredActivity
{
    public long Sequence { get; set; }
    public DateTime TimestampUtc { get; set; }
    public string Json { get; set; } = "";
}
