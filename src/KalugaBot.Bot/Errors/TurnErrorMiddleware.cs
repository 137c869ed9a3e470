using KalugaBot.Bot.Conversation;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Bot.Errors;

/// <summary>The turn's error boundary: log, apologise in the investor's language, reset the dialog stack; the transcript is kept.</summary>
/// <remarks>Registered after the transcript logger so the apology is logged with the turn.</remarks>
public sealed class TurnErrorMiddleware(ConversationAccessors accessors, Replies replies, ILogger<TurnErrorMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        try
        {
            await next(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Turn failed in conversation {ConversationId} ({ActivityType})", turnContext.Activity.Conversation?.Id, turnContext.Activity.Type);
            try
            {
                await accessors.DialogState.DeleteAsync(turnContext, CancellationToken.None);
                await accessors.ConversationState.SaveChangesAsync(turnContext, force: true, CancellationToken.None);
                if (turnContext.Activity.IsType(ActivityTypes.Message))
                    await turnContext.SendActivityAsync(replies.Message(turnContext, "general.error"), CancellationToken.None);
            }
            catch (Exception inner)
            {
                logger.LogError(inner, "The error boundary itself failed in conversation {ConversationId}", turnContext.Activity.Conversation?.Id);
            }
        }
    }
}
