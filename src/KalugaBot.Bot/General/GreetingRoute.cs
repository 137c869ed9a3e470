using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Routing;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Dialogs;

namespace KalugaBot.Bot.General;

/// <summary>Hello and "what can you do?": introduces the bot with its main paths as buttons.</summary>
public sealed class GreetingRoute(IntentWords words, Welcome welcome) : IIntentRoute
{
    public string Name => "greeting";
    public IReadOnlyCollection<string> DialogIds => [];
    public bool CanInterrupt => true;

    public Task<RouteScore> ScoreAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        if (words.IsExactly("greeting", text) || words.IsExactly("help", text)) return Task.FromResult(RouteScore.Certain);
        if (words.Contains("help", text)) return Task.FromResult(new RouteScore(0.7));
        // "Hello! What can you do?" is a greeting with a help question in it.
        if (words.Contains("greeting", text) && (text?.Length ?? 0) < 40) return Task.FromResult(new RouteScore(0.6));
        return Task.FromResult(RouteScore.None);
    }

    public async Task<DialogTurnResult> BeginAsync(DialogContext dc, RouteScore score, CancellationToken cancellationToken)
    {
        await dc.Context.SendActivityAsync(welcome.WelcomeMessage(dc.Context), cancellationToken);
        // On top of an active dialog, ask its question again so the investor knows where they are.
        if (dc.ActiveDialog is not null) await dc.RepromptDialogAsync(cancellationToken);
        return Dialog.EndOfTurn;
    }
}
