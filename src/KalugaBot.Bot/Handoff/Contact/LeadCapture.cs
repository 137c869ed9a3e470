using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Leads;
using KalugaBot.Bot.Outbox;
using KalugaBot.Protocol.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>Turns a confirmed contact form into a stored lead and queues the staff notification.</summary>
public sealed class LeadCapture(
    ILeadStore leads,
    IInvestorProfileSource profiles,
    StaffNotifier notifier,
    IOptions<ConsentOptions> consent,
    TimeProvider time,
    ILogger<LeadCapture> logger)
{
    public async Task<Lead> SaveAsync(ITurnContext turnContext, ContactDialogOptions options, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var conversationId = activity.Conversation?.Id ?? "";
        var form = options.Form;
        var profile = await profiles.GetAsync(turnContext, cancellationToken);
        var lead = new Lead
        {
            IdempotencyKey = KeyOf(conversationId, form),
            Language = turnContext.Language(),
            Contact = new LeadContact
            {
                Name = form.Name, Company = form.Company, Email = form.Email, Phone = form.Phone, ProjectSummary = form.Summary,
                CallTimeText = form.CallTimeText, TimeZone = form.TimeZone, CallTimeUtc = CallTimeUtc(form),
            },
            Country = form.Country,
            ConsentVersion = consent.Value.Version,
            ConsentUtc = options.ConsentUtc ?? time.GetUtcNow().UtcDateTime,
            Criteria = profile?.Criteria.ToDictionary() ?? [],
            RecommendedSites = profile?.RecommendedSites.ToList() ?? [],
            ConversationId = conversationId,
            ChannelId = activity.ChannelId ?? "",
            TranscriptPath = Lead.TranscriptPathFor(conversationId),
        };
        var (stored, created) = await leads.AddAsync(lead, cancellationToken);
        if (created)
        {
            logger.LogInformation("Lead {LeadId} captured in conversation {ConversationId}", stored.Id, conversationId);
            notifier.Notify(new StaffNotification(StaffNotification.LeadCreated, stored.Id, conversationId, stored.ChannelId, stored.Language,
                stored.Country, stored.RecommendedSites, notifier.PortalUrl($"/staff/leads/{stored.Id}"), stored.CreatedUtc), stored.Id);
        }
        else
        {
            logger.LogInformation("Lead {LeadId} confirmed again; not duplicated", stored.Id);
        }
        return stored;
    }

    public static DateTime? CallTimeUtc(ContactForm form) =>
        form.CallTimeLocal is { } local && form.TimeZone is { } zone
        && DateTime.TryParseExact(local, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock)
            ? TimeZoneParser.ToUtc(wallClock, zone)
            : null;

    private static string KeyOf(string conversationId, ContactForm form)
    {
        var text = string.Join('\u001f', conversationId, form.Name, form.Company, form.Country, form.Email, form.Phone, form.Summary, form.CallTimeLocal, form.TimeZone);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
