using System.Text.Json.Nodes;
using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Templates;
using KalugaBot.Knowledge.Matching;
using KalugaBot.Protocol.Dialogs;


namespace KalugaBot.Bot.Matching;

/// <summary>Asks only for the criteria that matter and are still missing (area, industry, rail, distance to Moscow,
/// SEZ customs regime, power), keeping what the investor already said, then recommends sites.
/// Answers are validated (re-asked on nonsense); "skip" passes a question, "show results" ends the questions.</summary>
public sealed class MatchingDialog : WaterfallDialog
{
    public const string DialogId = "matching";
    public const string PromptId = "matching.prompt";
    private const string FinishKey = "finish";

    public static readonly IReadOnlyList<string> Asked = [Criteria.Area, Criteria.Industry, Criteria.Rail, Criteria.DistanceToMoscow, Criteria.Sez, Criteria.Power];

    private readonly InvestorRequirements _requirements;
    private readonly AnswerReader _reader;
    private readonly MatchingPresenter _presenter;
    private readonly Replies _replies;

    public MatchingDialog(InvestorRequirements requirements, AnswerReader reader, MatchingPresenter presenter, Replies replies) : base(DialogId)
    {
        (_requirements, _reader, _presenter, _replies) = (requirements, reader, presenter, replies);
        AddStep(IntroAsync);
        foreach (var criterion in Asked)
        {
            AddStep((step, ct) => AskAsync(step, criterion, ct));
            AddStep((step, ct) => ReceiveAsync(step, criterion, ct));
        }
        AddStep(FinishAsync);
    }

    /// <summary>The prompt the questions use: accepts only answers <see cref="AnswerReader"/> understands.</summary>
    public static TextPrompt CreatePrompt(AnswerReader reader) => new(PromptId, (pc, _) =>
        Task.FromResult(pc.Recognized.Succeeded && pc.Options.Validations?.GetValue<string>() is { } criterion
                        && reader.Read(criterion, pc.Recognized.Value, pc.Context.Language()).Kind != AnswerKind.Invalid));

    private async Task<DialogTurnResult> IntroAsync(WaterfallStepContext step, CancellationToken ct)
    {
        await step.Context.SendActivityAsync(_replies.Message(step.Context, "matching.start_dialog"), ct);
        return await step.NextAsync(null, ct);
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, string criterion, CancellationToken ct)
    {
        var state = await _requirements.GetAsync(step.Context, ct);
        if (step.Values[FinishKey] is not null || state.Requirements.Has(criterion) || state.Requirements.Skipped.Contains(criterion))
            return await step.NextAsync(null, ct);
        var ctx = step.Context;
        var prompt = _replies.Message(ctx, "matching.ask_" + criterion);
        prompt = criterion is Criteria.Rail or Criteria.Sez
            ? _replies.WithSuggestions(ctx, prompt, ("matching.btn_yes", null), ("matching.btn_no", null), ("matching.btn_preferred", null), ("matching.btn_skip", null))
            : _replies.WithSuggestions(ctx, prompt, ("matching.btn_skip", null), ("matching.btn_show_results", null));
        var retry = _replies.Message(ctx, "matching.retry_" + criterion);
        retry.SuggestedActions = prompt.SuggestedActions;
        return await step.PromptAsync(PromptId, new PromptOptions { Prompt = prompt, RetryPrompt = retry, Validations = JsonValue.Create(criterion) }, ct);
    }

    private async Task<DialogTurnResult> ReceiveAsync(WaterfallStepContext step, string criterion, CancellationToken ct)
    {
        if (step.Result is string text)
        {
            var state = await _requirements.GetAsync(step.Context, ct);
            var answer = _reader.Read(criterion, text, step.Context.Language());
            switch (answer.Kind)
            {
                case AnswerKind.Skip:
                    state.Requirements.Skipped.Add(criterion);
                    break;
                case AnswerKind.Finish:
                    step.Values[FinishKey] = true;
                    break;
                case AnswerKind.Value:
                    state.Requirements.MergeFrom(answer.Requirements!);
                    state.Statements.Add(text);
                    break;
            }
        }
        return await step.NextAsync(null, ct);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var state = await _requirements.GetAsync(step.Context, ct);
        await _presenter.ShowResultsAsync(step.Context, state, ct);
        return await step.EndDialogAsync(null, ct);
    }

}
