using FsCheck;
using FsCheck.Xunit;
using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Matching;
using KalugaBot.Knowledge.Matching.Scoring;
using KalugaBot.Matching.Tests.Extraction;

namespace KalugaBot.Matching.Tests.Scoring;

/// <summary>Properties of scoring over random knowledge and random requirements.</summary>
public sealed class ScoringProperties
{
    private static readonly SiteMatcher Matcher = new(Extractors.Shared);
    private static readonly string[] Industries = ["automotive", "pharma", "wood", "food", "logistics"];

    private static Requirements Requirements(byte area, byte distance, byte power, byte flags) => new()
    {
        AreaMinHa = flags % 2 == 0 ? area * 4 : null,
        MaxDistanceToMoscowKm = (flags >> 1) % 2 == 0 ? 40 + distance : null,
        PowerMw = (flags >> 2) % 2 == 0 ? power % 100 + 1 : null,
        Rail = ((flags >> 3) % 3) switch { 0 => Wish.Required, 1 => Wish.Preferred, _ => Wish.None },
        SpecialEconomicZone = (flags >> 5) % 2 == 0 ? Wish.Required : Wish.None,
        Industries = (flags >> 6) % 2 == 0 ? [Industries[area % Industries.Length]] : [],
    };

    /// <summary>The value the scorer must compare with: the newest that is not only planned.</summary>
    private static decimal? Current(Park park, string field) =>
        park.Field(field).Values.FirstOrDefault(v => v.Qualifier != Qualifier.Planned && v.Number is not null)?.Number;

    [Property(MaxTest = 300)]
    public bool A_recommended_site_never_violates_a_hard_constraint_its_data_contradicts(int seed, byte area, byte distance, byte power, byte flags)
    {
        var knowledge = RandomKnowledge.Create(seed);
        var r = Requirements(area, distance, power, flags);
        foreach (var match in Matcher.Rank(r, knowledge).Where(m => m.Recommendable))
        {
            var park = match.Park;
            var areaField = park.FreeAreaHa.IsKnown ? ParkFields.FreeAreaHa : ParkFields.TotalAreaHa;
            if (r.AreaNeededHa is { } need && Current(park, areaField) is { } have && (double)have < need) return false;
            if (r.MaxDistanceToMoscowKm is { } max && !r.DistanceIsVague && Current(park, ParkFields.DistanceToMoscowKm) is { } km && (double)km > max) return false;
            if (r.PowerMw is { } mw && Current(park, ParkFields.PowerMw) is { } supply && (double)supply < mw) return false;
            if (r.Rail == Wish.Required && park.RailSiding.Newest?.Flag == false) return false;
            if (r.SpecialEconomicZone == Wish.Required && park.Kind != ParkKind.SezSite) return false;
        }
        return true;
    }

    [Property(MaxTest = 300)]
    public bool Unknown_values_never_count_as_met(int seed, byte area, byte distance, byte power, byte flags)
    {
        var knowledge = RandomKnowledge.Create(seed);
        var r = Requirements(area, distance, power, flags);
        var fieldOf = new Dictionary<string, string[]>
        {
            [Criteria.Area] = [ParkFields.FreeAreaHa, ParkFields.TotalAreaHa],
            [Criteria.DistanceToMoscow] = [ParkFields.DistanceToMoscowKm],
            [Criteria.Power] = [ParkFields.PowerMw],
            [Criteria.Rail] = [ParkFields.RailSiding],
            [Criteria.Sez] = [ParkFields.CustomsZone],
        };
        foreach (var match in Matcher.Rank(r, knowledge))
            foreach (var c in match.Criteria.Where(c => fieldOf.ContainsKey(c.Criterion)))
            {
                // Only a plan is no value either: "140 MW planned" does not meet a need.
                var known = fieldOf[c.Criterion].Any(f => match.Park.Field(f).Values.Any(v => v.Qualifier != Qualifier.Planned));
                if (!known && c.Status == CriterionStatus.Met) return false;
                if (c.Status == CriterionStatus.Met && c.Evidence is null) return false;
            }
        return true;
    }

    [Property(MaxTest = 200)]
    public bool Ranking_is_stable_under_reordering_of_the_knowledge(int seed, int shuffleSeed, byte area, byte distance, byte power, byte flags)
    {
        var knowledge = RandomKnowledge.Create(seed);
        var r = Requirements(area, distance, power, flags);
        var once = Matcher.Rank(r, knowledge).Select(m => m.Park.Id);
        var again = Matcher.Rank(r, RandomKnowledge.Shuffled(knowledge, shuffleSeed)).Select(m => m.Park.Id);
        return once.SequenceEqual(again);
    }

    [Property(MaxTest = 100)]
    public bool Requirements_survive_a_json_round_trip(byte area, byte distance, byte power, byte flags)
    {
        var r = Requirements(area, distance, power, flags);
        var json = System.Text.Json.JsonSerializer.Serialize(r, KalugaBot.Protocol.Schema.ProtocolJson.Options);
        var back = System.Text.Json.JsonSerializer.Deserialize<Requirements>(json, KalugaBot.Protocol.Schema.ProtocolJson.Options)!;
        return back.AreaMinHa == r.AreaMinHa && back.MaxDistanceToMoscowKm == r.MaxDistanceToMoscowKm && back.PowerMw == r.PowerMw
               && back.Rail == r.Rail && back.SpecialEconomicZone == r.SpecialEconomicZone && back.Industries.SequenceEqual(r.Industries);
    }
}
