using KalugaBot.Protocol.Storage;
using KalugaBot.Protocol.Transcripts;
using LiteDB;

namespace KalugaBot.Host.Staff.Conversations;

/// <summary>Facts about a conversation derived from its activities while indexing (LiteDB "staff_conversation_marks"):
/// hand-off, cited facts and the bot's response times, so lists and the dashboard never re-read whole transcripts.</summary>
public sealed class ConversationMark
{
    public string Id { get; set; } = "";
    /// <summary>A handoff.initiate event was sent (Bot Framework hand-off protocol).</summary>
    public bool HandedOff { get; set; }
    public List<string> CitedFacts { get; set; } = [];
    /// <summary>Milliseconds from an investor's message to the bot's first reply (at most <see cref="ConversationMarks.MaxSamples"/>).</summary>
    public List<int> ResponseMillis { get; set; } = [];
    public DateTime? PendingUserUtc { get; set; }
}

public sealed class ConversationMarks
{
    public const int MaxSamples = 50;
    private readonly ILiteCollection<ConversationMark> _marks;
    private readonly LiteDbWriteQueue _writes;

    public ConversationMarks(LiteDbContext db)
    {
        _marks = db.Collection<ConversationMark>("staff_conversation_marks");
        _writes = db.Writes;
        // Every list page asks for the handed-off few: without the index that read all 10,000 marks per request.
        _marks.EnsureIndex(m => m.HandedOff);
    }

    /// <summary>The stored mark of a conversation, or a new one.</summary>
    public ConversationMark Load(string conversationId) => _marks.FindById(conversationId) ?? new ConversationMark { Id = conversationId };

    /// <summary>Folds one batch of a conversation's new activities (in order) into its mark; <see cref="Save"/> stores it.</summary>
    public static void Fold(ConversationMark mark, IReadOnlyList<ActivityRecord> rows, Func<ActivityRecord, IReadOnlyList<string>> citedFacts)
    {
        foreach (var row in rows)
        {
            if (string.Equals(row.Type, "event", StringComparison.OrdinalIgnoreCase) && row.Json.Contains("handoff.initiate", StringComparison.Ordinal)) mark.HandedOff = true;
            if (!string.Equals(row.Type, "message", StringComparison.OrdinalIgnoreCase)) continue;
            if (row.Role == "user") { mark.PendingUserUtc ??= row.TimestampUtc; continue; }
            if (mark.PendingUserUtc is { } asked)
            {
                if (mark.ResponseMillis.Count < MaxSamples) mark.ResponseMillis.Add((int)Math.Clamp((row.TimestampUtc - asked).TotalMilliseconds, 0, int.MaxValue));
                mark.PendingUserUtc = null;
            }
            foreach (var fact in citedFacts(row)) if (!mark.CitedFacts.Contains(fact)) mark.CitedFacts.Add(fact);
        }
    }

    /// <summary>Stores a mark (call on the LiteDB writer, see <c>LiteDbWriteQueue</c>).</summary>
    public void Save(ConversationMark mark) => _marks.Upsert(mark);

    public IReadOnlySet<string> HandedOff() => _marks.Find(m => m.HandedOff == true).Select(m => m.Id).ToHashSet();

    public IEnumerable<ConversationMark> All() => _marks.FindAll();

    /// <summary>Queued behind any save of the same mark, so an erased conversation's mark cannot come back.</summary>
    public void Delete(string conversationId) => _writes.Enqueue(_ => _marks.Delete(conversationId));
}
