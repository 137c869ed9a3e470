using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Matching.Extraction;

namespace KalugaBot.Knowledge.Matching.Scoring;

/// <summary>Scores every site of a knowledge snapshot against requirements and ranks them deterministically
/// (score, then fewer unpublished values, then id), so reordering the knowledge files never changes the answer.</summary>
public sealed class SiteMatcher(RequirementExtractor extractor)
{
    private const double HardWeight = 3, PreferenceWeight = 1, IndustryWeight = 2;

    public IReadOnlyList<SiteMatch> Rank(Requirements requirements, KnowledgeSnapshot knowledge)
    {
        var parents = knowledge.Parks.Where(p => p.Parent is not null).Select(p => p.Parent!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return knowledge.Parks
            .Where(p => !parents.Contains(p.Id)) // an umbrella (SEZ "Kaluga") is offered through its sites
            .Select(p => Score(p, requirements, knowledge))
            .OrderByDescending(m => m.Recommendable)
            .ThenByDescending(m => m.Eligible)
            .ThenByDescending(m => m.Score)
            .ThenBy(m => m.NotPublishedCount)
            .ThenBy(m => m.Park.Id, StringComparer.Ordinal)
            .ToList();
    }

    public SiteMatch Score(Park park, Requirements r, KnowledgeSnapshot knowledge)
    {
        var parent = park.Parent is null ? null : knowledge.Park(park.Parent);
        var list = new List<CriterionResult>();
        if (r.AreaNeededHa is { } area) list.Add(AtLeast(Criteria.Area, park.FreeAreaHa.IsKnown ? park.FreeAreaHa : park.TotalAreaHa, area, true));
        if (r.PowerMw is { } power) list.Add(AtLeast(Criteria.Power, park.PowerMw, power, true));
        if (r.Gas is Wish.Required or Wish.Preferred) list.Add(Utility(Criteria.Gas, park.GasM3h, r.GasM3PerHour, r.Gas == Wish.Required));
        if (r.Water is Wish.Required or Wish.Preferred) list.Add(Utility(Criteria.Water, park.WaterM3Day, r.WaterM3PerDay, r.Water == Wish.Required));
        if (r.Rail is Wish.Required or Wish.Preferred) list.Add(Flag(Criteria.Rail, park.RailSiding, r.Rail == Wish.Required));
        if (r.Motorway is Wish.Required or Wish.Preferred) list.Add(Present(Criteria.Motorway, park.Motorway, r.Motorway == Wish.Required));
        if (r.Airport is Wish.Required or Wish.Preferred) list.Add(Present(Criteria.Airport, park.Field(ParkFields.AirportDistanceKm), r.Airport == Wish.Required));
        if (r.MaxDistanceToMoscowKm is { } km) list.Add(AtMost(Criteria.DistanceToMoscow, park.DistanceToMoscowKm, km, !r.DistanceIsVague));
        if (r.SpecialEconomicZone is Wish.Required or Wish.Preferred) list.Add(Sez(park, parent, r.SpecialEconomicZone == Wish.Required));
        if (r.Industries.Count > 0) list.Add(Industry(park, r.Industries));

        var score = list.Sum(c => Weight(c) * c.Status switch { CriterionStatus.Met => 1, CriterionStatus.NotMet => -0.5, _ => 0 });
        var benefits = park.Benefits.Values.Concat(parent?.Benefits.Values ?? []).GroupBy(v => v.Text).Select(g => g.First()).ToList();
        return new SiteMatch(park, list, score, benefits);
    }

    private static double Weight(CriterionResult c) => c.Criterion == Criteria.Industry ? IndustryWeight : c.Hard ? HardWeight : PreferenceWeight;

    /// <summary>Newest value that is not only planned (a plan does not meet a need).</summary>
    private static SourcedValue? Current(ValueHistory history) =>
        history.Values.FirstOrDefault(v => v.Qualifier != Qualifier.Planned && v.Number is not null);

    private static CriterionResult AtLeast(string name, ValueHistory history, double wanted, bool hard)
    {
        var value = Current(history);
        if (value is null) return new(name, CriterionStatus.NotPublished, hard, wanted, history.Newest);
        // "up to 20 MW" caps what is there; "over 1,700 ha" and exact figures are what is there.
        return new(name, (double)value.Number!.Value >= wanted ? CriterionStatus.Met : CriterionStatus.NotMet, hard, wanted, value);
    }

    private static CriterionResult AtMost(string name, ValueHistory history, double wanted, bool hard)
    {
        var value = Current(history);
        if (value is null) return new(name, CriterionStatus.NotPublished, hard, wanted, null);
        return new(name, (double)value.Number!.Value <= wanted ? CriterionStatus.Met : CriterionStatus.NotMet, hard, wanted, value);
    }

    private static CriterionResult Utility(string name, ValueHistory history, double? wanted, bool hard) =>
        wanted is { } amount ? AtLeast(name, history, amount, hard)
        : Current(history) is { } value ? new(name, CriterionStatus.Met, hard, null, value)
        : new(name, CriterionStatus.NotPublished, hard, null, null);

    private static CriterionResult Flag(string name, ValueHistory history, bool hard) => history.Newest switch
    {
        { Flag: true } v => new(name, CriterionStatus.Met, hard, null, v),
        { Flag: false } v => new(name, CriterionStatus.NotMet, hard, null, v),
        _ => new(name, CriterionStatus.NotPublished, hard, null, null),
    };

    private static CriterionResult Present(string name, ValueHistory history, bool hard) =>
        history.Newest is { } v ? new(name, CriterionStatus.Met, hard, null, v) : new(name, CriterionStatus.NotPublished, hard, null, null);

    /// <summary>The customs regime exists only in the SEZ: a site of another kind contradicts the wish; an SEZ site meets it
    /// when its (or its zone's) customs_zone value says so.</summary>
    private static CriterionResult Sez(Park park, Park? parent, bool hard)
    {
        if (park.Kind != ParkKind.SezSite) return new(Criteria.Sez, CriterionStatus.NotMet, hard, null, null);
        var flag = park.CustomsZone.Newest ?? parent?.CustomsZone.Newest;
        return flag switch
        {
            { Flag: true } => new(Criteria.Sez, CriterionStatus.Met, hard, null, flag),
            { Flag: false } => new(Criteria.Sez, CriterionStatus.NotMet, hard, null, flag),
            _ => new(Criteria.Sez, CriterionStatus.NotPublished, hard, null, null),
        };
    }

    private CriterionResult Industry(Park park, IReadOnlyList<string> wanted)
    {
        var tags = wanted.SelectMany(t => extractor.Lexicon.ClustersFor(t)).ToHashSet(StringComparer.Ordinal);
        var residents = park.Residents.Values
            .Where(v => extractor.IndustriesIn($"{v.Display} {v.Label.Get("en")}").Any(t => extractor.Lexicon.ClustersFor(t).Any(tags.Contains)))
            .ToList();
        var inCluster = park.Clusters.Any(tags.Contains);
        var status = inCluster || residents.Count > 0 ? CriterionStatus.Met
            : park.Clusters.Count > 0 && !park.Clusters.Contains("multi_sector") ? CriterionStatus.NotMet
            : CriterionStatus.NotPublished;
        return new(Criteria.Industry, status, false, null, null) { Residents = residents };
    }
}
