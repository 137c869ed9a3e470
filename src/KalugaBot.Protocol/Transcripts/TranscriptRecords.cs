using LiteDB;

namespace KalugaBot.Protocol.Transcripts;

/// <summary>One conversation's summary row; activities live in their own rows so a turn never loads other conversations.</summary>
public sealed class ConversationRecord
{
    public string Id { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string? UserId { get; set; }
    public string? Locale { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime LastActivityUtc { get; set; }
    public int ActivityCount { get; set; }
    public int MessageCount { get; set; }

    /// <summary>A snapshot for the background writer, so later turns can keep counting on the live row.</summary>
    public ConversationRecord Copy() => (ConversationRecord)MemberwiseClone();
}

/// <summary>One stored activity. The id is "{conversationId}|{sequence:D9}" so that a prefix scan returns a conversation in order.</summary>
public sealed class ActivityRecord
{
    public string Id { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public long Sequence { get; set; }
    public DateTime TimestampUtc { get; set; }
    public string Type { get; set; } = "";
    public string? Role { get; set; }
    public string? Text { get; set; }
    public string Json { get; set; } = "";

    /// <summary>The highest sequence an id can carry (nine digits).</summary>
    public const long MaxSequence = 999_999_999;

    public static string MakeId(string conversationId, long sequence) => $"{conversationId}|{sequence:D9}";

    /// <summary>A conversation's rows from <paramref name="fromSequence"/> on, read as one range of the _id index (BETWEEN:
    /// GT combined with LT made LiteDB scan to the end of the collection). The ConversationId test keeps out another
    /// conversation whose id continues this one's with "|" and digits (Emulator ids end in "|livechat").</summary>
    public static BsonExpression RangeOf(string conversationId, long fromSequence = 0) =>
        BsonExpression.Create($"$._id BETWEEN @0 AND @1 AND $.{nameof(ConversationId)} = @2",
            MakeId(conversationId, fromSequence), MakeId(conversationId, MaxSequence), conversationId);
}
