using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Protocol.Transcripts;

/// <summary>Logs every incoming and outgoing activity of a turn, with roles set so the Emulator can open the export.</summary>
public sealed class TranscriptLoggerMiddleware(ITranscriptLogger logger, ILogger<TranscriptLoggerMiddleware> log) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var turn = new List<Activity>();
        var incoming = turnContext.Activity;
        if (!(incoming.IsType(ActivityTypes.Event) && incoming.Name == "ContinueConversation"))
        {
            var copy = incoming.Clone();
            if (copy.From is not null) copy.From.Role ??= RoleTypes.User;
            if (copy.Recipient is not null) copy.Recipient.Role ??= RoleTypes.Bot;
            turn.Add(Stamp(copy));
        }

        turnContext.OnSendActivities(async (ctx, activities, nextSend) =>
        {
            var responses = await nextSend().ConfigureAwait(false);
            for (var i = 0; i < activities.Count; i++)
            {
                var copy = activities[i].Clone();
                if (responses.Length > i && responses[i].Id is { } id) copy.Id = id;
                turn.Add(Stamp(copy));
            }
            return responses;
        });

        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                await logger.LogActivitiesAsync(turn, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // A failing transcript store must not break the conversation.
                log.LogError(ex, "Could not store the transcript of a turn in conversation {ConversationId}", incoming.Conversation?.Id);
            }
        }
    }

    private static Activity Stamp(Activity activity)
    {
        activity.Id ??= "g_" + Guid.NewGuid().ToString("N");
        activity.Timestamp ??= DateTimeOffset.UtcNow;
        return activity;
    }
}
