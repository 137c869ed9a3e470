using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Channels;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Teams;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Bot.Teams.Proactive;

/// <summary>Sends messages into conversations the bot already knows (a Teams staff channel, an investor's chat), outside any turn.</summary>
/// <remarks>Each message runs as a proactive turn through the whole middleware pipeline, so it is rendered for its channel
/// (Teams cards, threading) and written to the transcript. Delivery failures (e.g. 403 after the app was removed) are thrown
/// to the caller rather than swallowed by the turn's error boundary.</remarks>
public sealed class ProactiveMessenger(CloudAdapter adapter, ConversationReferenceStore references, ILogger<ProactiveMessenger> logger)
{
    /// <summary>Posts a new message (in a Teams channel: a new thread). Null when the conversation is unknown.</summary>
    public async Task<ResourceResponse?> SendAsync(string channelId, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        var stored = await references.FindAsync(channelId, conversationId, cancellationToken);
        if (stored is null)
        {
            logger.LogWarning("No stored conversation reference for {ChannelId} conversation {ConversationId}", channelId, conversationId);
            return null;
        }
        return await SendAsync(stored.Reference, activity, cancellationToken);
    }

    /// <summary>Replies inside an existing Teams channel thread, whose root message id the caller kept (e.g. from the first post).</summary>
    public async Task<ResourceResponse?> ReplyInThreadAsync(string conversationId, string threadRootId, Activity activity, CancellationToken cancellationToken = default)
    {
        var stored = await references.FindAsync(Channels.Msteams, conversationId, cancellationToken);
        if (stored is null) return null;
        var reference = stored.Reference;
        reference.Conversation!.Id = TeamsConversationIds.ForThread(reference.Conversation.Id!, threadRootId);
        reference.ActivityId = threadRootId;
        return await SendAsync(reference, activity, cancellationToken);
    }

    /// <summary>Sends one activity to a conversation reference the caller holds.</summary>
    public async Task<ResourceResponse?> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default)
    {
        ResourceResponse? response = null;
        await ContinueConversationAsync(reference, async (turnContext, ct) =>
            response = await turnContext.SendActivityAsync(activity, ct), cancellationToken);
        return response;
    }

    /// <summary>Runs <paramref name="callback"/> as a turn of the stored conversation (use it to send templated replies in the
    /// conversation's language). False when the conversation is unknown.</summary>
    public async Task<bool> ContinueConversationAsync(string channelId, string conversationId, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        var stored = await references.FindAsync(channelId, conversationId, cancellationToken);
        if (stored is null) return false;
        await ContinueConversationAsync(stored.Reference, callback, cancellationToken);
        return true;
    }

    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        Exception? failure = null;
        await adapter.ContinueConversationAsync(reference, async (turnContext, ct) =>
        {
            try
            {
                await callback(turnContext, ct);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }, cancellationToken);
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }
}
