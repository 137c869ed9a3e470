using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Routing;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Dialogs;

namespace KalugaBot.Bot.General;

/// <summary>"cancel" and "start over" work everywhere, in any dialog and any language.</summary>
public sealed class CommandsRoute(IntentWords words, Replies replies, IEnumerable<IConversationReset> resets) : IIntentRoute
{
    public string Name => "commands";
    public IReadOnlyCollection<string> DialogIds => [];
    public bool CanInterrupt => true;

    public Task<RouteScore> ScoreAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        if (words.IsExactly("cancel", text)) return Task.FromResult(new RouteScore(1, "cancel"));
        if (words.IsExactly("start_over", text)) return Task.FromResult(new RouteScore(1, "start_over"));
        return Task.FromResult(RouteScore.None);
    }

    public async Task<DialogTurnResult> BeginAsync(DialogContext dc, RouteScore score, CancellationToken cancellationToken)
    {
        var root = dc.Stack.Count > 0 ? dc.Stack[^1].Id : null;
        await dc.CancelAllDialogsAsync(cancellationToken);
        if (score.Data is "start_over")
        {
            foreach (var reset in resets) await reset.ResetAsync(dc.Context, cancellationToken);
            await replies.SendAsync(dc.Context, "general.started_over", cancellationToken: cancellationToken);
            // Start the same conversation the investor was in, from scratch.
            if (root is not null && dc.Dialogs.Find(root) is not null) return await dc.BeginDialogAsync(root, null, cancellationToken);
            return Dialog.EndOfTurn;
        }
        await replies.SendAsync(dc.Context, "general.cancelled", cancellationToken: cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }
}
