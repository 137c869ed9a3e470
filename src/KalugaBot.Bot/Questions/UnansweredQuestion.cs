namespace KalugaBot.Bot.Questions;

/// <summary>A question the bot could not answer (or answered with low confidence), kept for staff.</summary>
public sealed class UnansweredQuestion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Text { get; set; } = "";
    public string Language { get; set; } = "en";
    public string ConversationId { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public DateTime AtUtc { get; set; } = DateTime.UtcNow;

    /// <summary><see cref="UnansweredReasons"/>: why the question went unanswered.</summary>
    public string Reason { get; set; } = UnansweredReasons.LowConfidence;

    /// <summary>The best retrieval candidates, best first (what staff may want to improve: an alias, a missing fact).</summary>
    public List<AnswerCandidate> Candidates { get; set; } = [];

    public bool Resolved { get; set; }
    public DateTime? ResolvedAtUtc { get; set; }
    public string? ResolvedBy { get; set; }
    public string? ResolutionNote { get; set; }
}

public sealed class AnswerCandidate
{
    public string Id { get; set; } = "";
    public double Score { get; set; }
    public double Coverage { get; set; }
}

public static class UnansweredReasons
{
    /// <summary>Retrieval found nothing that covers the question well enough.</summary>
    public const string LowConfidence = "low_confidence";
    /// <summary>The question matched a fact whose value is not published (state unknown).</summary>
    public const string UnknownFact = "unknown_fact";
    /// <summary>Nothing to search: empty, emoji-only, markup or unreadable text.</summary>
    public const string NotUnderstood = "not_understood";
}

/// <summary>Questions with the same normalised text, for the staff view.</summary>
public sealed record UnansweredGroup(string Text, int Count, IReadOnlyList<string> Languages, DateTime LastAtUtc, IReadOnlyList<Guid> Ids);
