using KalugaBot.Protocol.Storage;
using KalugaBot.Protocol.Transcripts;
using LiteDB;

namespace KalugaBot.Host.Staff.Conversations;

/// <summary>Facts about a conversation derived from its activities while indexing (LiteDB "staff_conversation_marks").</summary>
public sealed class ConversationMark
{
    public string Id { get; set; } = "";
    /// <summary>A handoff.initiate event was sent (Bot Framework hand-off protocol).</summary>
    public bool HandedOff { get; set; }
}

public sealed class ConversationMarks
{
    private readonly ILiteCollection<ConversationMark> _marks;

    public ConversationMarks(LiteDbContext db) => _marks = db.Collection<ConversationMark>("staff_conversation_marks");

    public void Observe(ActivityRecord row)
    {
        if (!string.Equals(row.Type, "event", StringComparison.OrdinalIgnoreCase) || !row.Json.Contains("handoff.initiate", StringComparison.Ordinal)) return;
        _marks.Upsert(new ConversationMark { Id = row.ConversationId, HandedOff = true });
    }

    public IReadOnlySet<string> HandedOff() => _marks.Find(m => m.HandedOff).Select(m => m.Id).ToHashSet();

    public void Delete(string conversationId) => _marks.Delete(conversationId);
}
