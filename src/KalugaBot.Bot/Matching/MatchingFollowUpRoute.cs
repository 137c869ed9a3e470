using System.Text.Json.Nodes;
using KalugaBot.Bot.Routing;
using KalugaBot.Knowledge.Facts;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Dialogs;

namespace KalugaBot.Bot.Matching;

/// <summary>After recommendations: "show more", "compare A and B", "why not X?" and the card buttons
/// (Action.Submit data <c>{ matching: details | compare | agency, site, with }</c>). May interrupt the matching questions;
/// the question is asked again afterwards.</summary>
public sealed class MatchingFollowUpRoute(MatchingEngine engine, InvestorRequirements requirements, MatchingPresenter presenter, MatchingWords words) : IIntentRoute
{
    public string Name => "matching-followup";
    public IReadOnlyCollection<string> DialogIds => [];
    public bool CanInterrupt => true;

    private sealed record FollowUp(string Action, IReadOnlyList<Park> Sites);

    public async Task<RouteScore> ScoreAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var knowledge = engine.Knowledge;
        if (turnContext.Activity.Value is JsonObject value && value[SiteCards.SubmitKey]?.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            var sites = new[] { value["site"], value["with"] }
                .Select(n => n?.GetValueKind() == System.Text.Json.JsonValueKind.String ? knowledge.Park(n.GetValue<string>()) : null)
                .OfType<Park>().ToList();
            return new RouteScore(1, new FollowUp(value[SiteCards.SubmitKey]!.GetValue<string>(), sites));
        }
        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 500) return RouteScore.None;
        if (words.IsExactly("show_more", text))
        {
            var state = await requirements.GetAsync(turnContext, cancellationToken);
            return state.RecommendedSiteIds.Count > 0 ? new RouteScore(0.9, new FollowUp("more", [])) : RouteScore.None;
        }
        // Explicit commands naming sites outrank a factual answer about the same sites (question route: up to 0.95).
        if (words.Contains("compare", text))
        {
            var named = SiteNames.Find(text, knowledge);
            return new RouteScore(named.Count >= 2 ? 0.97 : 0.9, new FollowUp("compare", named));
        }
        if (words.Find("why_not", text, out var rest) is not null)
        {
            var sites = SiteNames.Find(rest, knowledge);
            if (sites.Count > 0) return new RouteScore(0.97, new FollowUp("whynot", sites));
            return rest.Length is > 2 and < 60 ? new RouteScore(0.55, new FollowUp("whynot", [])) : RouteScore.None;
        }
        return RouteScore.None;
    }

    public async Task<DialogTurnResult> BeginAsync(DialogContext dc, RouteScore score, CancellationToken cancellationToken)
    {
        var ctx = dc.Context;
        var state = await requirements.GetAsync(ctx, cancellationToken);
        var followUp = score.Data as FollowUp ?? new FollowUp("", []);
        var sites = followUp.Sites;
        switch (followUp.Action)
        {
            case "more":
                await presenter.ShowMoreAsync(ctx, state, cancellationToken);
                break;
            case "compare":
                var pair = sites.Count >= 2 ? sites.Take(2).ToList()
                    : sites.Count == 1 && state.RecommendedSiteIds.FirstOrDefault(id => id != sites[0].Id) is { } other && engine.Knowledge.Park(other) is { } top ? [sites[0], top]
                    : null;
                if (pair is null) await presenter.CompareHelpAsync(ctx, state, cancellationToken);
                else await presenter.CompareAsync(ctx, state, pair[0], pair[1], cancellationToken);
                break;
            case "whynot" when sites.Count > 0:
                await presenter.WhyNotAsync(ctx, state, sites[0], cancellationToken);
                break;
            case "details" when sites.Count > 0:
                await presenter.DetailsAsync(ctx, state, sites[0], cancellationToken);
                break;
            case "agency" when sites.Count > 0:
                if (!state.SitesOfInterest.Contains(sites[0].Id)) state.SitesOfInterest.Add(sites[0].Id);
                await presenter.AgencyAsync(ctx, sites[0], cancellationToken);
                break;
            default:
                await presenter.UnknownSiteAsync(ctx, cancellationToken);
                break;
        }
        // On top of the matching questions: ask the pending one again.
        if (dc.ActiveDialog is not null) await dc.RepromptDialogAsync(cancellationToken);
        return Dialog.EndOfTurn;
    }
}
