namespace KalugaBot.Bot.Outbox;

/// <summary>What staff are told. Deliberately free of personal data: staff open the lead in the portal behind sign-in.</summary>
public sealed record StaffNotification(
    string Kind,
    string? LeadId,
    string ConversationId,
    string ChannelId,
    string Language,
    string? Country,
    IReadOnlyList<string> RecommendedSites,
    string PortalUrl,
    DateTime CreatedUtc)
{
    public const string LeadCreated = "lead.created";
    public const string HandoffRequested = "handoff.requested";
}
