namespace KalugaBot.Bot.Leads;

/// <summary>An investor who asked to be contacted, with what the agency needs to call back. Personal fields can be erased.</summary>
public sealed class Lead
{
    public string Id { get; set; } = "";
    /// <summary>Same conversation + same confirmed details → same key → one lead.</summary>
    public string IdempotencyKey { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string Language { get; set; } = "en";

    public LeadContact Contact { get; set; } = new();
    public string ConsentVersion { get; set; } = "";
    public DateTime ConsentUtc { get; set; }

    /// <summary>Anonymous statistics kept after erasure.</summary>
    public string? Country { get; set; }
    public Dictionary<string, string> Criteria { get; set; } = [];
    public List<string> RecommendedSites { get; set; } = [];

    public string ConversationId { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string TranscriptPath { get; set; } = "";

    public LeadStatus Status { get; set; } = LeadStatus.New;
    public List<LeadStatusChange> StatusHistory { get; set; } = [];
    public List<LeadNote> Notes { get; set; } = [];
    public DateTime? ErasedUtc { get; set; }

    public static string TranscriptPathFor(string conversationId) => $"/staff/conversations/{Uri.EscapeDataString(conversationId)}";
}

/// <summary>The personal part of a lead: everything here is removed by an erasure.</summary>
public sealed class LeadContact
{
    public string? Name { get; set; }
    public string? Company { get; set; }
    public string? Email { get; set; }
    /// <summary>E.164, e.g. +4930123456.</summary>
    public string? Phone { get; set; }
    public string? ProjectSummary { get; set; }
    public string? CallTimeText { get; set; }
    public DateTime? CallTimeUtc { get; set; }
    /// <summary>"UTC+03:00" or an IANA id.</summary>
    public string? TimeZone { get; set; }
}

public enum LeadStatus { New, Contacted, Qualified, Closed }

public sealed class LeadStatusChange
{
    public LeadStatus Status { get; set; }
    public DateTime Utc { get; set; }
    public string By { get; set; } = "";
}

public sealed class LeadNote
{
    public DateTime Utc { get; set; }
    public string By { get; set; } = "";
    public string Text { get; set; } = "";
}
