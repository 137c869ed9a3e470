using KalugaBot.Bot.Templates;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Outbox;

/// <summary>Subject and body of staff notifications, from templates (handoff.staff_*), in the staff language.</summary>
public sealed class StaffNotificationText(ITemplates templates, IOptions<NotificationOptions> options)
{
    public string Subject(StaffNotification n) => templates.Render(
        n.Kind == StaffNotification.HandoffRequested ? "handoff.staff_subject_handoff" : "handoff.staff_subject_lead",
        options.Value.StaffLanguage, Slots(n));

    public string Body(StaffNotification n) => templates.Render("handoff.staff_body", options.Value.StaffLanguage, Slots(n));

    private static Dictionary<string, string?> Slots(StaffNotification n) => new()
    {
        ["lead"] = n.LeadId ?? "-",
        ["conversation"] = n.ConversationId,
        ["channel"] = n.ChannelId,
        ["language"] = n.Language,
        ["country"] = n.Country ?? "-",
        ["sites"] = n.RecommendedSites.Count == 0 ? "-" : string.Join(", ", n.RecommendedSites),
        ["link"] = n.PortalUrl,
    };
}
