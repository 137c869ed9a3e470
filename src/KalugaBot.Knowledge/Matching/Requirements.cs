using System.Text.Json.Serialization;

namespace KalugaBot.Knowledge.Matching;

/// <summary>How much an investor wants something that is yes/no (rail, motorway, SEZ customs regime).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Wish>))]
public enum Wish { None, Preferred, Required, NotWanted }

/// <summary>What an investor asked for, in normalised units (ha, MW, m³/h, m³/day, km). Null = not stated.
/// Kept in conversation state (JSON) and handed to the agency with a lead.</summary>
public sealed class Requirements
{
    public double? AreaMinHa { get; set; }
    public double? AreaMaxHa { get; set; }
    public double? PowerMw { get; set; }
    public Wish Gas { get; set; }
    public double? GasM3PerHour { get; set; }
    public Wish Water { get; set; }
    public double? WaterM3PerDay { get; set; }
    public Wish Rail { get; set; }
    public Wish Motorway { get; set; }
    public Wish Airport { get; set; }
    public double? MaxDistanceToMoscowKm { get; set; }
    /// <summary>True when the distance came from "near Moscow" rather than a stated number (then it is a preference).</summary>
    public bool DistanceIsVague { get; set; }
    public Wish SpecialEconomicZone { get; set; }
    public List<string> Industries { get; set; } = [];
    /// <summary>ISO 3166 code of the investor's country when they said it ("We are a German supplier" → DE).</summary>
    public string? InvestorCountry { get; set; }
    /// <summary>Criteria the investor chose to skip in the dialog (see <see cref="Criteria"/>).</summary>
    public List<string> Skipped { get; set; } = [];

    /// <summary>The area the site must offer at least: the lower bound, else the only stated bound.</summary>
    [JsonIgnore] public double? AreaNeededHa => AreaMinHa ?? AreaMaxHa;

    [JsonIgnore]
    public bool IsEmpty => CountStated() == 0;

    /// <summary>How many of the criteria that drive matching were stated.</summary>
    public int CountStated() =>
        (AreaNeededHa is null ? 0 : 1) + (PowerMw is null ? 0 : 1) + (Gas == Wish.None ? 0 : 1) + (Water == Wish.None ? 0 : 1)
        + (Rail == Wish.None ? 0 : 1) + (Motorway == Wish.None ? 0 : 1) + (Airport == Wish.None ? 0 : 1)
        + (MaxDistanceToMoscowKm is null ? 0 : 1) + (SpecialEconomicZone == Wish.None ? 0 : 1) + (Industries.Count == 0 ? 0 : 1);

    public bool Has(string criterion) => criterion switch
    {
        Criteria.Area => AreaNeededHa is not null,
        Criteria.Power => PowerMw is not null,
        Criteria.Gas => Gas != Wish.None,
        Criteria.Water => Water != Wish.None,
        Criteria.Rail => Rail != Wish.None,
        Criteria.Motorway => Motorway != Wish.None,
        Criteria.Airport => Airport != Wish.None,
        Criteria.DistanceToMoscow => MaxDistanceToMoscowKm is not null,
        Criteria.Sez => SpecialEconomicZone != Wish.None,
        Criteria.Industry => Industries.Count > 0,
        _ => false,
    };

    /// <summary>Adds what a later message said; a newly stated value replaces the earlier one.</summary>
    public void MergeFrom(Requirements later)
    {
        if (later.AreaMinHa is not null || later.AreaMaxHa is not null) (AreaMinHa, AreaMaxHa) = (later.AreaMinHa, later.AreaMaxHa);
        PowerMw = later.PowerMw ?? PowerMw;
        if (later.Gas != Wish.None) Gas = later.Gas;
        GasM3PerHour = later.GasM3PerHour ?? GasM3PerHour;
        if (later.Water != Wish.None) Water = later.Water;
        WaterM3PerDay = later.WaterM3PerDay ?? WaterM3PerDay;
        if (later.Rail != Wish.None) Rail = later.Rail;
        if (later.Motorway != Wish.None) Motorway = later.Motorway;
        if (later.Airport != Wish.None) Airport = later.Airport;
        if (later.MaxDistanceToMoscowKm is not null) (MaxDistanceToMoscowKm, DistanceIsVague) = (later.MaxDistanceToMoscowKm, later.DistanceIsVague);
        if (later.SpecialEconomicZone != Wish.None) SpecialEconomicZone = later.SpecialEconomicZone;
        foreach (var tag in later.Industries) if (!Industries.Contains(tag)) Industries.Add(tag);
        InvestorCountry = later.InvestorCountry ?? InvestorCountry;
    }

    public Requirements Clone()
    {
        var copy = (Requirements)MemberwiseClone();
        copy.Industries = [.. Industries];
        copy.Skipped = [.. Skipped];
        return copy;
    }
}

/// <summary>Names of the matching criteria (also the keys of their templates).</summary>
public static class Criteria
{
    public const string Area = "area";
    public const string Power = "power";
    public const string Gas = "gas";
    public const string Water = "water";
    public const string Rail = "rail";
    public const string Motorway = "motorway";
    public const string Airport = "airport";
    public const string DistanceToMoscow = "distance";
    public const string Sez = "sez";
    public const string Industry = "industry";

    public static readonly IReadOnlyList<string> All = [Area, Industry, Power, Gas, Water, Rail, Motorway, Airport, DistanceToMoscow, Sez];
}
