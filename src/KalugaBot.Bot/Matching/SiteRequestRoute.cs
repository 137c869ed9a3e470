using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Routing;
using KalugaBot.Knowledge.Matching.Extraction;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Dialogs;

namespace KalugaBot.Bot.Matching;

/// <summary>Recognises a request for a site ("I need about 100 hectares close to Moscow with rail access"). With enough
/// criteria it recommends at once; otherwise it starts <see cref="MatchingDialog"/> to ask for what is missing.</summary>
public sealed class SiteRequestRoute(MatchingEngine engine, InvestorRequirements requirements, MatchingPresenter presenter, IntentWords words) : IIntentRoute
{
    public string Name => "matching";
    public IReadOnlyCollection<string> DialogIds => [MatchingDialog.DialogId, MatchingDialog.PromptId];
    public bool CanInterrupt => false;

    public Task<RouteScore> ScoreAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2000) return Task.FromResult(RouteScore.None);
        if (IsFindSiteButton(text)) return Task.FromResult(new RouteScore(0.9, null));
        var extraction = engine.Extract(text, turnContext.Language());
        return Task.FromResult(new RouteScore(Score(extraction, text), extraction));
    }

    private double Score(Extraction extraction, string text)
    {
        var r = extraction.Requirements;
        var lexicon = engine.Extractor.Lexicon;
        var stated = r.CountStated();
        var site = lexicon.SiteWords.IsMatch(extraction.NormalizedText);
        var need = lexicon.NeedWords.IsMatch(extraction.NormalizedText);
        var numbers = extraction.Quantities.Any(q => q.Kind is QuantityKind.Area or QuantityKind.Power);
        // A question about one named site ("What is the gas capacity at Rosva?") is for the question answerer.
        if (!numbers && SiteNames.Find(text, engine.Knowledge).Count > 0) return 0;
        if (stated >= 2 && (need || site || numbers)) return 0.9;
        if (stated >= 1 && numbers) return 0.85;
        if (stated >= 1 && site && need) return 0.8;
        if (r.Industries.Count > 0 && site) return 0.7;
        if (site && need) return 0.7;
        return stated >= 2 ? 0.6 : 0;
    }

    // The welcome's button label in any language, from the phrase cache (normalised once, not on every message).
    private bool IsFindSiteButton(string text) => words.PhrasesOf("general.suggest_find_site").Contains(IntentWords.Normalize(text), StringComparer.Ordinal);

    public async Task<DialogTurnResult> BeginAsync(DialogContext dc, RouteScore score, CancellationToken cancellationToken)
    {
        var state = await requirements.GetAsync(dc.Context, cancellationToken);
        if (score.Data is Extraction extraction && !extraction.Requirements.IsEmpty)
        {
            state.Requirements.MergeFrom(extraction.Requirements);
            state.Statements.Add(dc.Context.Activity.Text ?? "");
            // Enough to recommend: two criteria, or the industry (the eval and investors expect names at once).
            if (extraction.Requirements.CountStated() >= 2 || extraction.Requirements.Industries.Count > 0)
            {
                await presenter.ShowResultsAsync(dc.Context, state, cancellationToken);
                return Dialog.EndOfTurn;
            }
        }
        return await dc.BeginDialogAsync(MatchingDialog.DialogId, null, cancellationToken);
    }
}
