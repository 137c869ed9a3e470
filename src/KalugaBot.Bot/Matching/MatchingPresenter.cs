using System.Globalization;
using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Templates;
using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Matching;
using KalugaBot.Knowledge.Matching.Scoring;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Matching;

/// <summary>Sends recommendations and follow-ups (show more, compare, why not, details): reply text always names the
/// sites; card channels also get one Adaptive Card per site; a map picture follows.</summary>
public sealed class MatchingPresenter(
    MatchingEngine engine, SiteExplainer explainer, SiteCards cards, MapImages maps, ValueText values,
    ITemplates templates, Replies replies, IOptions<MatchingOptions> options)
{
    private MatchingOptions Options => options.Value;

    public async Task ShowResultsAsync(ITurnContext ctx, MatchingState state, CancellationToken ct)
    {
        var ranked = engine.Rank(state.Requirements);
        state.RecommendedSiteIds = ranked.Where(m => m.Recommendable).Select(m => m.Park.Id).ToList();
        state.Shown = 0;
        var lang = ctx.Language();
        if (state.RecommendedSiteIds.Count == 0)
        {
            var hard = values.Summary(state.Requirements, lang);
            await ctx.SendActivityAsync(replies.MessageFromText(ctx, templates.Render("matching.no_results", lang, ValueText.Slots(("criteria", hard)))), ct);
            return;
        }
        await ShowPageAsync(ctx, state, ranked, ct);
    }

    public async Task ShowMoreAsync(ITurnContext ctx, MatchingState state, CancellationToken ct)
    {
        if (state.Shown >= state.RecommendedSiteIds.Count)
        {
            await ctx.SendActivityAsync(replies.Message(ctx, "matching.no_more"), ct);
            return;
        }
        await ShowPageAsync(ctx, state, engine.Rank(state.Requirements), ct);
    }

    private async Task ShowPageAsync(ITurnContext ctx, MatchingState state, IReadOnlyList<SiteMatch> ranked, CancellationToken ct)
    {
        var lang = ctx.Language();
        var byId = ranked.ToDictionary(m => m.Park.Id, StringComparer.Ordinal);
        var page = state.RecommendedSiteIds.Skip(state.Shown).Take(Math.Max(1, Options.PageSize))
            .Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        var first = state.Shown + 1;
        state.Shown += page.Count;
        var plain = IsPlain(ctx);

        var lines = new List<string>();
        if (first == 1)
        {
            lines.Add(templates.Render("matching.results_intro", lang));
            lines.Add(templates.Render("matching.why_these", lang, ValueText.Slots(
                ("criteria", values.Summary(state.Requirements, lang)), ("count", state.RecommendedSiteIds.Count.ToString(CultureInfo.InvariantCulture)))));
        }
        for (var i = 0; i < page.Count; i++)
            lines.Add(plain ? explainer.PlainText(page[i], state.Requirements, first + i, lang)
                : templates.Render("matching.site_heading", lang, ValueText.Slots(("rank", (first + i).ToString(CultureInfo.InvariantCulture)), ("name", explainer.Name(page[i].Park, lang)))));
        if (page.Any(m => m.NotPublishedCount > 0)) lines.Add(templates.Render("matching.not_published_offer", lang));
        lines.Add(MoreHint(ranked, state, lang));

        var message = replies.MessageFromText(ctx, string.Join("\n\n", lines));
        if (!plain)
        {
            var top = state.RecommendedSiteIds[0];
            message.Attachments = page.Select((m, i) => cards.Card(m, state.Requirements, first + i, lang, top)).ToList();
            message.AttachmentLayout = "carousel";
        }
        if (state.Shown < state.RecommendedSiteIds.Count)
            message = replies.WithSuggestions(ctx, message, ("matching.btn_show_more", templates.Render("matching.btn_show_more", lang)));
        await ctx.SendActivityAsync(message, ct);
        await SendMapAsync(ctx, page.Select(m => m.Park).ToList(), ct, first);
    }

    private string MoreHint(IReadOnlyList<SiteMatch> ranked, MatchingState state, string lang)
    {
        string Short(Park p) => p.Aliases.Get(lang).FirstOrDefault() ?? p.Aliases.Get("en").FirstOrDefault() ?? explainer.Name(p, lang);
        var a = ranked.First(m => m.Park.Id == state.RecommendedSiteIds[0]).Park;
        var b = state.RecommendedSiteIds.Count > 1 ? ranked.First(m => m.Park.Id == state.RecommendedSiteIds[1]).Park : ranked.FirstOrDefault(m => m.Park.Id != a.Id)?.Park ?? a;
        var c = ranked.FirstOrDefault(m => !state.RecommendedSiteIds.Contains(m.Park.Id))?.Park ?? b;
        return templates.Render("matching.more_hint", lang, ValueText.Slots(("a", Short(a)), ("b", Short(b)), ("c", Short(c))));
    }

    public async Task SendMapAsync(ITurnContext ctx, IReadOnlyList<Park> parks, CancellationToken ct, int firstNumber = 1)
    {
        if (!Options.SendMap) return;
        var lang = ctx.Language();
        if (maps.UrlFor(parks, lang, ctx.Activity.ServiceUrl, firstNumber) is not { } url || !url.StartsWith("http", StringComparison.Ordinal)) return;
        var message = replies.MessageFromText(ctx, "");
        message.Text = IsPlain(ctx) ? url : null; // without cards the link is the picture
        message.Attachments = [new Attachment { ContentType = "image/png", ContentUrl = url, Name = templates.Render("matching.map_title", lang) }];
        await ctx.SendActivityAsync(message, ct);
    }

    public async Task WhyNotAsync(ITurnContext ctx, MatchingState state, Park park, CancellationToken ct)
    {
        var lang = ctx.Language();
        if (state.Requirements.IsEmpty)
        {
            await ctx.SendActivityAsync(replies.Message(ctx, "matching.no_requirements_yet"), ct);
            return;
        }
        var ranked = engine.Rank(state.Requirements);
        var match = ranked.FirstOrDefault(m => m.Park.Id == park.Id) ?? engine.Score(park, state.Requirements);
        var name = explainer.Name(park, lang);
        var recommendedRank = state.RecommendedSiteIds.IndexOf(park.Id) + 1;
        var rank = ranked.Select((m, i) => (m, i)).FirstOrDefault(x => x.m.Park.Id == park.Id).i + 1;
        var heading = recommendedRank > 0
            ? templates.Render("matching.why_not_recommended", lang, ValueText.Slots(("name", name), ("rank", recommendedRank.ToString(CultureInfo.InvariantCulture))))
            : !match.Eligible
                ? templates.Render("matching.why_not_excluded", lang, ValueText.Slots(("name", name)))
                : templates.Render("matching.why_not_lower", lang, ValueText.Slots(("name", name), ("rank", rank.ToString(CultureInfo.InvariantCulture)), ("total", ranked.Count.ToString(CultureInfo.InvariantCulture))));
        var lines = new List<string> { heading };
        lines.AddRange(explainer.Lines(match, state.Requirements, lang).Select(l => "   " + l));
        if (match.NotPublishedCount > 0) lines.Add(templates.Render("matching.not_published_offer", lang));
        await ctx.SendActivityAsync(replies.MessageFromText(ctx, string.Join("\n", lines)), ct);
    }

    public async Task CompareAsync(ITurnContext ctx, MatchingState state, Park a, Park b, CancellationToken ct)
    {
        var lang = ctx.Language();
        var ma = engine.Score(a, state.Requirements);
        var mb = engine.Score(b, state.Requirements);
        var text = templates.Render("matching.compare_heading", lang, ValueText.Slots(("a", explainer.Name(a, lang)), ("b", explainer.Name(b, lang))));
        // Card channels read the criteria on the cards; others get them as text.
        if (IsPlain(ctx)) text += "\n\n" + explainer.PlainText(ma, state.Requirements, 1, lang) + "\n\n" + explainer.PlainText(mb, state.Requirements, 2, lang);
        if (state.Requirements.IsEmpty) text += "\n\n" + templates.Render("matching.no_requirements_yet", lang);
        var message = replies.MessageFromText(ctx, text);
        if (!IsPlain(ctx))
        {
            message.Attachments = [cards.Card(ma, state.Requirements, 1, lang, null), cards.Card(mb, state.Requirements, 2, lang, null)];
            message.AttachmentLayout = "carousel";
        }
        await ctx.SendActivityAsync(message, ct);
    }

    public async Task CompareHelpAsync(ITurnContext ctx, MatchingState state, CancellationToken ct)
    {
        var lang = ctx.Language();
        var examples = (state.RecommendedSiteIds.Count >= 2 ? state.RecommendedSiteIds : ["vorsino", "sez-kaluga-lyudinovo"])
            .Select(id => engine.Knowledge.Park(id)).OfType<Park>()
            .Select(p => p.Aliases.Get(lang).FirstOrDefault() ?? explainer.Name(p, lang)).Take(2).ToList();
        while (examples.Count < 2) examples.Add("…");
        await ctx.SendActivityAsync(replies.MessageFromText(ctx, templates.Render("matching.compare_need_two", lang, ValueText.Slots(("a", examples[0]), ("b", examples[1])))), ct);
    }

    public async Task DetailsAsync(ITurnContext ctx, MatchingState state, Park park, CancellationToken ct)
    {
        var lang = ctx.Language();
        var match = engine.Score(park, state.Requirements);
        var lines = new List<string> { explainer.Name(park, lang), templates.Render("matching.details_kind", lang, ValueText.Slots(("kind", explainer.Kind(park, lang)))) };
        foreach (var field in new[] { ParkFields.District, ParkFields.Location })
            if (park.Field(field).Newest is { } place)
                lines.Add(templates.Render("matching.details_location", lang, ValueText.Slots(("value", values.WithSource(place, lang)))));
        var rank = Math.Max(1, state.RecommendedSiteIds.IndexOf(park.Id) + 1);
        if (IsPlain(ctx)) lines.Add(explainer.PlainText(match, state.Requirements, rank, lang));
        var message = replies.MessageFromText(ctx, string.Join("\n", lines));
        if (!IsPlain(ctx)) message.Attachments = [cards.Card(match, state.Requirements, rank, lang, state.RecommendedSiteIds.FirstOrDefault())];
        await ctx.SendActivityAsync(message, ct);
        await SendMapAsync(ctx, [park], ct);
    }

    public async Task AgencyAsync(ITurnContext ctx, Park park, CancellationToken ct)
    {
        var lang = ctx.Language();
        var message = replies.MessageFromText(ctx, templates.Render("matching.agency_hint", lang, ValueText.Slots(("name", explainer.Name(park, lang)))));
        await ctx.SendActivityAsync(replies.WithSuggestions(ctx, message, ("general.suggest_contact", null)), ct);
    }

    public async Task UnknownSiteAsync(ITurnContext ctx, CancellationToken ct)
    {
        var lang = ctx.Language();
        var names = engine.Knowledge.Parks.Where(p => p.Aliases.All.Any() && (p.Parent is not null || !engine.Knowledge.Parks.Any(c => c.Parent == p.Id)))
            .OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => p.Aliases.Get(lang).FirstOrDefault() ?? explainer.Name(p, lang)).Take(12);
        await ctx.SendActivityAsync(replies.MessageFromText(ctx, templates.Render("matching.unknown_site", lang, ValueText.Slots(("names", string.Join(", ", names))))), ct);
    }

    private bool IsPlain(ITurnContext ctx) =>
        Options.PlainTextChannels.Contains(ctx.Activity.ChannelId ?? "", StringComparer.OrdinalIgnoreCase);
}
