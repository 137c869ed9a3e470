using KalugaBot.Bot.Handoff.Live;
using KalugaBot.Bot.Leads;
using KalugaBot.Protocol.Transcripts;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Bot.Handoff;

/// <summary>Right to erasure: the lead's personal fields, the conversation transcript and relayed messages go; anonymous statistics stay.</summary>
public sealed class LeadErasure(ILeadStore leads, ITranscriptStore transcripts, HandoffStore handoffs, ILogger<LeadErasure> logger)
{
    public async Task<Lead?> EraseAsync(string leadId, string by, CancellationToken cancellationToken)
    {
        var lead = await leads.EraseAsync(leadId, by, cancellationToken);
        if (lead is null) return null;
        if (!string.IsNullOrEmpty(lead.ConversationId))
        {
            await transcripts.DeleteTranscriptAsync(lead.ChannelId, lead.ConversationId, cancellationToken);
            handoffs.DeleteConversation(lead.ConversationId);
        }
        logger.LogInformation("Personal data of lead {LeadId} erased by {StaffId}", lead.Id, by);
        return lead;
    }
}
