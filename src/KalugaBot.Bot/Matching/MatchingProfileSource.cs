using KalugaBot.Bot.Handoff.Contact;
using KalugaBot.Bot.Templates;
using KalugaBot.Knowledge.Matching;
using KalugaBot.Protocol.Builder;

namespace KalugaBot.Bot.Matching;

/// <summary>Hands what the investor told the matching dialog to the contact hand-off (staff read it in English).</summary>
public sealed class MatchingProfileSource(InvestorRequirements requirements, MatchingEngine engine, ValueText values, ITemplates templates) : IInvestorProfileSource
{
    private const string Staff = "en";

    public async Task<InvestorProfile?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var state = await requirements.GetAsync(turnContext, cancellationToken);
        var r = state.Requirements;
        if (r.CountStated() == 0 && state.RecommendedSiteIds.Count == 0 && r.InvestorCountry is null) return null;
        var criteria = new Dictionary<string, string>();
        foreach (var c in Criteria.All.Where(r.Has))
        {
            var wanted = values.Wanted(c, r, Staff);
            criteria[values.Label(c, Staff)] = wanted.Length > 0 ? Preferred(c, r, wanted) : WishText(c, r);
        }
        if (state.SitesOfInterest.Count > 0)
            criteria[templates.Render("matching.btn_agency", Staff)] = string.Join(", ", state.SitesOfInterest.Select(Name));
        if (state.Statements.Count > 0) criteria[templates.Render("matching.lead_statements", Staff)] = string.Join(" | ", state.Statements.TakeLast(5));
        return new InvestorProfile
        {
            Country = CountryName(r.InvestorCountry),
            Criteria = criteria,
            RecommendedSites = state.RecommendedSiteIds.Take(Math.Max(3, state.Shown)).Select(Name).ToList(),
        };
    }

    // Extraction keeps ISO codes ("DE"); staff read country names ("Germany").
    private static string? CountryName(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return new System.Globalization.RegionInfo(code).EnglishName; }
        catch (ArgumentException) { return code; }
    }

    private string Name(string id) => engine.Knowledge.Park(id)?.Names.Get(Staff) ?? id;

    private string Preferred(string criterion, Requirements r, string wanted) =>
        criterion == Criteria.DistanceToMoscow && r.DistanceIsVague ? templates.Render("matching.preferred_suffix", Staff, ValueText.Slots(("label", wanted))) : wanted;

    private string WishText(string criterion, Requirements r)
    {
        var wish = criterion switch
        {
            Criteria.Rail => r.Rail, Criteria.Motorway => r.Motorway, Criteria.Airport => r.Airport,
            Criteria.Sez => r.SpecialEconomicZone, Criteria.Gas => r.Gas, Criteria.Water => r.Water, _ => Wish.Required,
        };
        return templates.Render(wish switch { Wish.Preferred => "matching.btn_preferred", Wish.NotWanted => "matching.btn_no", _ => "matching.btn_yes" }, Staff);
    }
}
