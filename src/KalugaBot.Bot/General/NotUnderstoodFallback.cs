using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Routing;
using KalugaBot.Protocol.Dialogs;

namespace KalugaBot.Bot.General;

/// <summary>The last resort when no feature claims a message.</summary>
public sealed class NotUnderstoodFallback(Replies replies) : IFallbackRoute
{
    public async Task<DialogTurnResult> BeginAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await replies.SendAsync(dc.Context, "general.not_understood", cancellationToken: cancellationToken);
        return Dialog.EndOfTurn;
    }
}
