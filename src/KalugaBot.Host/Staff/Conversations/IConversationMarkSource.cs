namespace KalugaBot.Host.Staff.Conversations;

/// <summary>Another feature's knowledge about conversations, for the list filters: which conversations have a lead,
/// an unanswered question, … Each feature registers one per mark; an unregistered mark matches nothing.</summary>
public interface IConversationMarkSource
{
    /// <summary>One of <see cref="ConversationMarkNames"/>.</summary>
    string Mark { get; }
    IReadOnlySet<string> ConversationIds();
}

public static class ConversationMarkNames
{
    public const string Lead = "lead";
    public const string Unanswered = "unanswered";
    public const string HandedOff = "handedoff";
}

/// <summary>Hand-off seen in the transcript (handoff.initiate event).</summary>
public sealed class HandedOffMarkSource(ConversationMarks marks) : IConversationMarkSource
{
    public string Mark => ConversationMarkNames.HandedOff;
    public IReadOnlySet<string> ConversationIds() => marks.HandedOff();
}
