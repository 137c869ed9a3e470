using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Teams;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Bot.Teams.Proactive;

/// <summary>Remembers where each conversation lives (serviceUrl, ids) so features can message it later, even after a restart.</summary>
public sealed class ConversationReferenceMiddleware(ConversationReferenceStore store, ILogger<ConversationReferenceMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (ShouldStore(activity))
        {
            try
            {
                await store.SaveAsync(activity, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A lost reference only delays proactive messages until the next turn; never fail the conversation for it.
                logger.LogError(ex, "Could not store the conversation reference of {ConversationId}", activity.Conversation?.Id);
            }
        }
        await next(cancellationToken);
    }

    /// <summary>Not for proactive turns themselves, nor for the activity that says the bot was removed.</summary>
    private static bool ShouldStore(Activity activity) =>
        !(activity.IsType(ActivityTypes.Event) && activity.Name == "ContinueConversation")
        && !(activity.IsType(ActivityTypes.InstallationUpdate) && string.Equals(activity.Action, InstallationActions.Remove, StringComparison.OrdinalIgnoreCase))
        && !(activity.IsType(ActivityTypes.ConversationUpdate) && activity.IsBotRemoved());
}
