namespace KalugaBot.Bot.Handoff.Live;

/// <summary>Who is talking to the investor. Persisted, so a restart never loses a waiting investor or an active agent.</summary>
public enum HandoffState { BotActive, WaitingForAgent, AgentActive }

/// <summary>One conversation's hand-off (LiteDB "handoffs", id = conversation id).</summary>
public sealed class HandoffRecord
{
    public string Id { get; set; } = "";
    public HandoffState State { get; set; } = HandoffState.BotActive;
    /// <summary>The investor's ConversationReference (JSON): staff messages are sent proactively through it.</summary>
    public string ReferenceJson { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string Language { get; set; } = "en";
    public string? LeadId { get; set; }
    public DateTime? RequestedUtc { get; set; }
    public string? AgentId { get; set; }
    public string? AgentName { get; set; }
    public DateTime? AcceptedUtc { get; set; }
    public long LastSequence { get; set; }
    public List<HandoffTransition> History { get; set; } = [];
}

public sealed class HandoffTransition
{
    public HandoffState From { get; set; }
    public HandoffState To { get; set; }
    public DateTime Utc { get; set; }
    public string By { get; set; } = "";
}

/// <summary>A message relayed between investor and agent while the agent is active (LiteDB "handoff_messages").</summary>
public sealed class RelayMessage
{
    public string Id { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public long Sequence { get; set; }
    /// <summary>"investor" or "agent".</summary>
    public string From { get; set; } = "";
    public string? SenderName { get; set; }
    public string Text { get; set; } = "";
    public DateTime Utc { get; set; }

    public const string Investor = "investor";
    public const string Agent = "agent";
}
