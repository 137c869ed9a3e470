using KalugaBot.Bot.Routing;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Dialogs;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>"I want to talk to someone", "how do I apply?", "contact the agency" (contact.words_request) or the card action value start the contact dialog.</summary>
public sealed class ContactRoute(ContactWords words) : IIntentRoute
{
    public string Name => "contact";
    public IReadOnlyCollection<string> DialogIds => [ContactDialog.DialogId];
    public bool CanInterrupt => true;

    public Task<RouteScore> ScoreAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        if (text?.Trim() == ContactDialog.CardActionValue || turnContext.Activity.Value?.ToString() == ContactDialog.CardActionValue) return Task.FromResult(new RouteScore(1));
        return Task.FromResult(words.Matches("contact.words_request", text) ? new RouteScore(0.9) : RouteScore.None);
    }

    public Task<DialogTurnResult> BeginAsync(DialogContext dc, RouteScore score, CancellationToken cancellationToken) =>
        dc.BeginDialogAsync(ContactDialog.DialogId, null, cancellationToken);
}
