using KalugaBot.Knowledge.Matching;
using KalugaBot.Knowledge.Matching.Extraction;

namespace KalugaBot.Bot.Matching;

public enum AnswerKind { Invalid, Skip, Finish, Value }

/// <summary>An answer to one matching question: what it adds to the requirements, or skip / finish / nonsense.</summary>
public sealed record Answer(AnswerKind Kind, Requirements? Requirements = null);

/// <summary>Reads the answer to the question for one criterion. A bare number counts in the asked unit (ha, MW, km);
/// anything else the answer states (e.g. "20 ha with rail") is kept too.</summary>
public sealed class AnswerReader(MatchingEngine engine, MatchingWords words)
{
    public Answer Read(string criterion, string? text, string language)
    {
        if (string.IsNullOrWhiteSpace(text)) return new Answer(AnswerKind.Invalid);
        if (words.IsExactly("skip", text)) return new Answer(AnswerKind.Skip);
        if (words.IsExactly("show_results", text)) return new Answer(AnswerKind.Finish);
        var extraction = engine.Extract(text, language);
        var r = extraction.Requirements;
        var bare = extraction.Quantities.Where(q => q.Kind == QuantityKind.Number && q.Low > 0).ToList();
        switch (criterion)
        {
            case Criteria.Area when r.AreaNeededHa is null && bare.Count == 1:
                r.AreaMinHa = bare[0].Low;
                break;
            case Criteria.Power when r.PowerMw is null && bare.Count == 1:
                r.PowerMw = bare[0].Low;
                break;
            case Criteria.DistanceToMoscow when r.MaxDistanceToMoscowKm is null:
                var distance = extraction.Quantities.FirstOrDefault(q => q.Kind == QuantityKind.Distance) ?? (bare.Count == 1 ? bare[0] : null);
                if (distance is not null) (r.MaxDistanceToMoscowKm, r.DistanceIsVague) = (distance.Upper, false);
                break;
            case Criteria.Rail when r.Rail == Wish.None:
                r.Rail = YesNo(text);
                break;
            case Criteria.Sez when r.SpecialEconomicZone == Wish.None:
                r.SpecialEconomicZone = YesNo(text);
                break;
        }
        if (criterion == Criteria.Rail && r.Rail == Wish.None && words.Contains("skip", text)) return new Answer(AnswerKind.Skip);
        return r.Has(criterion) || (criterion is Criteria.Rail or Criteria.Sez && WishOf(criterion, r) == Wish.NotWanted)
            ? new Answer(AnswerKind.Value, r)
            : words.Contains("skip", text) ? new Answer(AnswerKind.Skip) : new Answer(AnswerKind.Invalid);
    }

    private static Wish WishOf(string criterion, Requirements r) => criterion == Criteria.Rail ? r.Rail : r.SpecialEconomicZone;

    private Wish YesNo(string text) =>
        words.Contains("preferred", text) ? Wish.Preferred
        : words.Contains("no", text) ? Wish.NotWanted
        : words.Contains("yes", text) ? Wish.Required
        : Wish.None;
}
