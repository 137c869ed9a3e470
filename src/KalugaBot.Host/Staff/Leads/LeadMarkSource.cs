using KalugaBot.Bot.Leads;
using KalugaBot.Host.Staff.Conversations;

namespace KalugaBot.Host.Staff.Leads;

/// <summary>"Has lead" filter of the conversation list.</summary>
public sealed class LeadMarkSource(ILeadStore leads) : IConversationMarkSource
{
    public string Mark => ConversationMarkNames.Lead;

    public IReadOnlySet<string> ConversationIds() =>
        leads.ListAsync(null, 0, int.MaxValue).GetAwaiter().GetResult().Select(l => l.ConversationId).Where(id => id.Length > 0).ToHashSet();
}
