using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Teams;

namespace KalugaBot.Bot.Teams;

/// <summary>Makes a Teams activity look like any other before the bot sees it: the bot's @mention removed
/// (found through the mention entities) and the client's locale taken from clientInfo when the activity has none.</summary>
/// <remarks>Runs right after the transcript logger, so the transcript keeps the activity exactly as Teams sent it.</remarks>
public sealed class TeamsInboundMiddleware : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.IsTeams())
        {
            activity.RemoveRecipientMention();
            activity.Locale = activity.GetClientLocale();
        }
        return next(cancellationToken);
    }
}
