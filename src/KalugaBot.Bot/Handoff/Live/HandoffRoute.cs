using KalugaBot.Bot.Handoff.Contact;
using KalugaBot.Bot.Routing;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Dialogs;

namespace KalugaBot.Bot.Handoff.Live;

/// <summary>"live agent", "a real person now" (contact.words_live): ask for an agent in this chat right away.</summary>
public sealed class HandoffRoute(ContactWords words, HandoffService handoff) : IIntentRoute
{
    public string Name => "handoff";
    public IReadOnlyCollection<string> DialogIds => [];
    public bool CanInterrupt => true;

    public Task<RouteScore> ScoreAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.FromResult(words.Matches("contact.words_live", turnContext.Activity.Text) ? new RouteScore(0.95) : RouteScore.None);

    public async Task<DialogTurnResult> BeginAsync(DialogContext dc, RouteScore score, CancellationToken cancellationToken)
    {
        await dc.CancelAllDialogsAsync(cancellationToken);
        await handoff.RequestAsync(dc.Context, null, cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Complete);
    }
}
