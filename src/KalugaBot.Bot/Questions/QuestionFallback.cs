using KalugaBot.Bot.Routing;
using KalugaBot.Protocol.Dialogs;

namespace KalugaBot.Bot.Questions;

/// <summary>Whatever no route claims is treated as a question: answered when the knowledge covers it, else "not found" (recorded).</summary>
public sealed class QuestionFallback(QuestionAnswerer answerer) : IFallbackRoute
{
    public async Task<DialogTurnResult> BeginAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await answerer.AnswerAsync(dc.Context, cancellationToken);
        return Dialog.EndOfTurn;
    }
}
