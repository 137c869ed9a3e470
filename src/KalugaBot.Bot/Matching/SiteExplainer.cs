using KalugaBot.Bot.Templates;
using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Matching;
using KalugaBot.Knowledge.Matching.Scoring;

namespace KalugaBot.Bot.Matching;

/// <summary>The per-criterion explanation of one site: met / not met / not published, with values and sources.</summary>
public sealed class SiteExplainer(ITemplates templates, ValueText values)
{
    public string Name(Park park, string lang) => park.Names.Get(lang) ?? park.Id;

    public string Kind(Park park, string lang) => templates.Render("matching.kind_" + KindKey(park.Kind), lang);

    private static string KindKey(ParkKind kind) => kind switch
    {
        ParkKind.SezSite => "sez_site",
        ParkKind.Logistics => "logistics",
        ParkKind.Technopark => "technopark",
        ParkKind.Agro => "agro",
        ParkKind.Tor => "tor",
        _ => "industrial_park",
    };

    /// <summary>One line per criterion, in the order of <see cref="Criteria.All"/>.</summary>
    public IReadOnlyList<string> Lines(SiteMatch match, Requirements r, string lang) =>
        match.Criteria.OrderBy(c => IndexOf(c.Criterion)).Select(c => Line(match, c, r, lang)).ToList();

    public string Line(SiteMatch match, CriterionResult c, Requirements r, string lang)
    {
        var label = values.Label(c.Criterion, lang);
        if (c.Status == CriterionStatus.NotPublished)
            return templates.Render("matching.line_not_published", lang, ValueText.Slots(("label", label)));
        var text = Evidence(match, c, r, lang);
        var wanted = values.Wanted(c.Criterion, r, lang);
        if (c.Wanted is not null && wanted.Length > 0)
            text += " — " + templates.Render("matching.you_need", lang, ValueText.Slots(("wanted", wanted)));
        var key = c.Status == CriterionStatus.Met ? "matching.line_met" : "matching.line_not_met";
        return templates.Render(key, lang, ValueText.Slots(("label", label), ("value", text)));
    }

    private string Evidence(SiteMatch match, CriterionResult c, Requirements r, string lang)
    {
        var park = match.Park;
        switch (c.Criterion)
        {
            case Criteria.Industry:
                var industries = values.Wanted(Criteria.Industry, r, lang);
                if (c.Status == CriterionStatus.Met && c.Residents.Count == 0)
                    return templates.Render("matching.industry_cluster", lang, ValueText.Slots(("industry", industries)));
                if (c.Status == CriterionStatus.Met)
                    return string.Join(", ", c.Residents.Select(v => v.Display));
                return templates.Render("matching.industry_other", lang, ValueText.Slots(("clusters", string.Join(", ", park.Clusters))));
            case Criteria.Sez when c.Evidence is null:
                return templates.Render("matching.sez_not_sez", lang);
            case Criteria.Area when c.Evidence is { } area && !park.FreeAreaHa.IsKnown:
                return values.WithSource(area, lang, templates.Render("matching.area_total_only", lang, ValueText.Slots(("value", values.Value(area, lang)))));
        }
        return c.Evidence is { } v ? values.WithSource(v, lang) : "";
    }

    public string? Residents(SiteMatch match, string lang)
    {
        var residents = match.For(Criteria.Industry)?.Residents ?? [];
        return residents.Count == 0 ? null
            : templates.Render("matching.residents_same_industry", lang, ValueText.Slots(("names", string.Join(", ", residents.Select(v => v.Display).Distinct()))));
    }

    public IReadOnlyList<string> Benefits(SiteMatch match, string lang) => match.Benefits
        .Where(b => b.Text is { } code && templates.Has("matching.benefit_" + code))
        .Select(b => templates.Render("matching.benefit_" + b.Text, lang, ValueText.Slots(("source", b.SourceName))))
        .Distinct().ToList();

    /// <summary>Heading, criteria, residents and benefits as plain text (channels without cards, and the reply text).</summary>
    public string PlainText(SiteMatch match, Requirements r, int rank, string lang)
    {
        var lines = new List<string> { templates.Render("matching.site_heading", lang, ValueText.Slots(("rank", rank.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("name", Name(match.Park, lang)))) };
        lines.AddRange(Lines(match, r, lang).Select(l => "   " + l));
        if (Residents(match, lang) is { } residents) lines.Add("   " + residents);
        lines.AddRange(Benefits(match, lang).Select(b => "   " + b));
        return string.Join("\n", lines);
    }

    private static int IndexOf(string criterion)
    {
        for (var i = 0; i < Criteria.All.Count; i++) if (Criteria.All[i] == criterion) return i;
        return Criteria.All.Count;
    }
}
