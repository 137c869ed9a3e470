using System.Text.Json;
using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Routing;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Bot.Handoff.Live;

/// <summary>While an agent is active the bot stays silent and relays the investor's messages to staff; while waiting it says so.</summary>
public sealed class HandoffInterceptor(HandoffStore store, Replies replies, TimeProvider time, ILogger<HandoffInterceptor> logger) : ITurnInterceptor
{
    public int Order => -100;

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        // handoff.status from a hub: accepted silently (the protocol says bots must not reject it).
        if (activity.IsType(ActivityTypes.Event) && activity.Name?.StartsWith("handoff.", StringComparison.Ordinal) == true) return true;
        if (!activity.IsType(ActivityTypes.Message) || activity.Conversation?.Id is not { } conversationId) return false;

        var record = store.Get(conversationId);
        if (record is null || record.State == HandoffState.BotActive) return false;

        // The channel may move the conversation (new serviceUrl); keep the reference current for proactive sends.
        store.UpdateReference(conversationId, JsonSerializer.Serialize(activity.GetConversationReference(), ProtocolJson.Options));
        var text = activity.Text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var relayed = store.Append(conversationId, RelayMessage.Investor, null, text, time.GetUtcNow().UtcDateTime);
            logger.LogDebug("Relayed investor message {Sequence} in conversation {ConversationId}", relayed.Sequence, conversationId);
        }
        if (record.State == HandoffState.WaitingForAgent)
            await replies.SendAsync(turnContext, "handoff.still_waiting", cancellationToken: cancellationToken);
        return true;
    }
}
