using KalugaBot.Bot.Routing;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Dialogs;

namespace KalugaBot.Bot.Questions;

/// <summary>
/// A factual question. Claims a message only when it reads as a question AND retrieval is confident, so short answers
/// to another dialog's prompt ("30", "yes", "skip") are never taken for questions; it interrupts a dialog only when
/// very confident (the router's interrupt threshold), then re-prompts that dialog.
/// </summary>
public sealed class QuestionRoute(QuestionAnswerer answerer) : IIntentRoute
{
    public string Name => "question";
    public IReadOnlyCollection<string> DialogIds => [];
    public bool CanInterrupt => true;

    public async Task<RouteScore> ScoreAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (!answerer.LooksLikeQuestion(turnContext)) return RouteScore.None;
        var result = await answerer.SearchAsync(turnContext, cancellationToken);
        if (!answerer.IsConfident(result)) return RouteScore.None;
        // 0.5 … 0.95: confidence 0.78 and above reaches the interrupt threshold (0.85).
        return new RouteScore(Math.Min(0.95, 0.5 + 0.45 * result.Confidence));
    }

    public async Task<DialogTurnResult> BeginAsync(DialogContext dc, RouteScore score, CancellationToken cancellationToken)
    {
        await answerer.AnswerAsync(dc.Context, cancellationToken);
        if (dc.ActiveDialog is not null) await dc.RepromptDialogAsync(cancellationToken);
        return Dialog.EndOfTurn;
    }
}
