using System.Text.Json;
using System.Text.Json.Nodes;
using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Leads;
using KalugaBot.Bot.Outbox;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Transcripts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Handoff.Live;

/// <summary>The live hand-off: BotActive → WaitingForAgent → AgentActive → BotActive, following the Bot Framework handoff protocol events.</summary>
public sealed class HandoffService(
    HandoffStore store,
    InvestorMessenger messenger,
    Replies replies,
    ITranscriptStore transcripts,
    ITranscriptLogger transcriptLogger,
    StaffNotifier notifier,
    ILeadStore leads,
    IOptions<HandoffOptions> options,
    TimeProvider time,
    ILogger<HandoffService> logger)
{
    private static readonly HandoffState[] NotWaiting = [HandoffState.BotActive];

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The investor asked for a person: emit handoff.initiate with the transcript, tell the investor, notify staff.</summary>
    public async Task RequestAsync(ITurnContext turnContext, string? leadId, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.");
        var referenceJson = JsonSerializer.Serialize(activity.GetConversationReference(), ProtocolJson.Options);
        var (outcome, record) = store.Transition(conversationId, NotWaiting, HandoffState.WaitingForAgent, "investor", Now,
            change: r =>
            {
                r.ReferenceJson = referenceJson;
                r.ChannelId = activity.ChannelId ?? "";
                r.Language = turnContext.Language();
                r.LeadId = leadId ?? r.LeadId;
                r.RequestedUtc = Now;
                r.AgentId = r.AgentName = null;
                return true;
            },
            create: () => new HandoffRecord { Id = conversationId });
        if (outcome != HandoffStore.Outcome.Changed)
        {
            await replies.SendAsync(turnContext, "handoff.already_waiting", cancellationToken: cancellationToken);
            return;
        }

        var initiation = await InitiationAsync(activity, record!, cancellationToken);
        if (options.Value.InitiateEventChannels.Contains(activity.ChannelId ?? "", StringComparer.OrdinalIgnoreCase))
            await turnContext.SendActivityAsync(initiation, cancellationToken);
        else
            await transcriptLogger.LogActivitiesAsync([initiation.ApplyConversationReference(activity.GetConversationReference())], cancellationToken);
        await replies.SendAsync(turnContext, "handoff.waiting", cancellationToken: cancellationToken);
        logger.LogInformation("Hand-off requested in conversation {ConversationId} (lead {LeadId})", conversationId, record!.LeadId);

        var lead = record.LeadId is { } id ? await leads.GetAsync(id, cancellationToken) : null;
        notifier.Notify(new StaffNotification(StaffNotification.HandoffRequested, record.LeadId, conversationId, record.ChannelId, record.Language,
            lead?.Country, lead?.RecommendedSites ?? [], notifier.PortalUrl(Lead.TranscriptPathFor(conversationId)), Now),
            $"{conversationId}:{record.History.Count}");
    }

    /// <summary>handoff.initiate as Bot Builder's EventFactory.CreateHandoffInitiation builds it, with the transcript attached.</summary>
    private async Task<Activity> InitiationAsync(Activity trigger, HandoffRecord record, CancellationToken cancellationToken)
    {
        var history = (await transcripts.GetAllActivitiesAsync(record.Id, cancellationToken)).ToList();
        history.Add(trigger);
        var max = options.Value.MaxTranscriptActivities;
        var items = new JsonArray(history.Skip(Math.Max(0, history.Count - max)).Select(a => JsonSerializer.SerializeToNode(a, ProtocolJson.Options)).ToArray());
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = "handoff.initiate",
            Id = Guid.NewGuid().ToString(),
            Timestamp = time.GetUtcNow(),
            RelatesTo = trigger.GetConversationReference(),
            ReplyToId = trigger.Id,
            Value = new JsonObject { ["skill"] = "kaluga-investment-agency", ["leadId"] = record.LeadId, ["language"] = record.Language },
            Attachments = [new Attachment { ContentType = "application/json", Name = "Transcript", Content = new JsonObject { ["activities"] = items } }],
        };
    }

    public IReadOnlyList<HandoffRecord> Waiting() => store.InState(HandoffState.WaitingForAgent);
    public IReadOnlyList<HandoffRecord> Active() => store.InState(HandoffState.AgentActive);
    public HandoffRecord? Get(string conversationId) => store.Get(conversationId);

    public async Task<HandoffStore.Outcome> AcceptAsync(string conversationId, string agentId, string agentName, CancellationToken cancellationToken)
    {
        var (outcome, record) = store.Transition(conversationId, [HandoffState.WaitingForAgent], HandoffState.AgentActive, agentId, Now, r =>
        {
            r.AgentId = agentId;
            r.AgentName = agentName;
            r.AcceptedUtc = Now;
            return true;
        });
        if (outcome != HandoffStore.Outcome.Changed) return outcome;
        logger.LogInformation("Conversation {ConversationId} accepted by agent {AgentId}", conversationId, agentId);
        await messenger.LogStatusAsync(record!, "accepted", null, cancellationToken);
        await TryTellInvestorAsync(record!, "handoff.agent_joined", new Dictionary<string, string?> { ["agent"] = agentName }, cancellationToken);
        return outcome;
    }

    /// <summary>The accepting agent's message into the investor's conversation. Conflict when another agent (or nobody) is active.</summary>
    public async Task<(HandoffStore.Outcome Outcome, RelayMessage? Message)> SendFromAgentAsync(string conversationId, string agentId, string text, CancellationToken cancellationToken)
    {
        var record = store.Get(conversationId);
        if (record is null) return (HandoffStore.Outcome.NotFound, null);
        if (record.State != HandoffState.AgentActive || record.AgentId != agentId) return (HandoffStore.Outcome.Conflict, null);
        await messenger.SendTextAsync(record, text, record.AgentName, cancellationToken);
        return (HandoffStore.Outcome.Changed, store.Append(conversationId, RelayMessage.Agent, record.AgentName, text, Now));
    }

    public IReadOnlyList<RelayMessage> MessagesAfter(string conversationId, long cursor) => store.MessagesAfter(conversationId, cursor);

    public async Task<HandoffStore.Outcome> CompleteAsync(string conversationId, string agentId, CancellationToken cancellationToken)
    {
        var (outcome, record) = store.Transition(conversationId, [HandoffState.AgentActive], HandoffState.BotActive, agentId, Now, r => r.AgentId == agentId);
        if (outcome != HandoffStore.Outcome.Changed) return outcome;
        logger.LogInformation("Conversation {ConversationId} handed back to the bot by agent {AgentId}", conversationId, agentId);
        await messenger.LogStatusAsync(record!, "completed", null, cancellationToken);
        await TryTellInvestorAsync(record!, "handoff.agent_left", new Dictionary<string, string?> { ["agent"] = record!.AgentName }, cancellationToken);
        return outcome;
    }

    /// <summary>Nobody accepted in time: back to the bot, handoff.status failed, and the call-back promise (or the way to leave details).</summary>
    public async Task TimeOutWaitingAsync(CancellationToken cancellationToken)
    {
        var deadline = Now - options.Value.AgentWaitTimeout;
        foreach (var waiting in store.InState(HandoffState.WaitingForAgent).Where(r => r.RequestedUtc <= deadline))
        {
            var (outcome, record) = store.Transition(waiting.Id, [HandoffState.WaitingForAgent], HandoffState.BotActive, "timeout", Now,
                r => r.RequestedUtc <= deadline);
            if (outcome != HandoffStore.Outcome.Changed) continue;
            logger.LogInformation("Nobody accepted conversation {ConversationId} in time", record!.Id);
            await messenger.LogStatusAsync(record, "failed", "timeout", cancellationToken);
            var lead = record.LeadId is { } id ? await leads.GetAsync(id, cancellationToken) : null;
            if (lead?.Contact.CallTimeText is { } when)
                await TryTellInvestorAsync(record, "handoff.timeout_callback", new Dictionary<string, string?> { ["time"] = CallbackTime(lead) ?? when }, cancellationToken);
            else
                await TryTellInvestorAsync(record, "handoff.timeout_no_lead", null, cancellationToken);
        }
    }

    // In the investor's own clock, as they gave it.
    private static string? CallbackTime(Lead lead) =>
        lead.Contact is { CallTimeUtc: { } utc, TimeZone: { } zone }
            ? $"{Contact.TimeZoneParser.FromUtc(utc, zone):yyyy-MM-dd HH:mm} ({zone})"
            : null;

    // The state change stands even when the channel is unreachable: staff see it, and the transcript has the status event.
    private async Task TryTellInvestorAsync(HandoffRecord record, string key, IReadOnlyDictionary<string, string?>? slots, CancellationToken cancellationToken)
    {
        try
        {
            await messenger.SendTemplateAsync(record, key, slots, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not reach the investor in conversation {ConversationId}", record.Id);
        }
    }
}
