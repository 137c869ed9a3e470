namespace KalugaBot.Knowledge.Facts;

/// <summary>The dated, sourced fields a park record may have, with the kind (and unit) each value must have.</summary>
public static class ParkFields
{
    public const string District = "district";
    public const string Location = "location";
    public const string TotalAreaHa = "total_area_ha";
    public const string FreeAreaHa = "free_area_ha";
    public const string DistanceToMoscowKm = "distance_to_moscow_km";
    public const string DistanceToKalugaKm = "distance_to_kaluga_km";
    public const string AirportDistanceKm = "airport_distance_km";
    public const string PowerMw = "power_mw";
    public const string GasM3h = "gas_m3h";
    public const string WaterM3Day = "water_m3day";
    public const string RailSiding = "rail_siding";
    public const string Motorway = "motorway";
    public const string Residents = "residents";
    public const string Operator = "operator";
    /// <summary>Yes when the park is in the federal (Minpromtorg) registry of industrial parks.</summary>
    public const string FederalRegistry = "federal_registry";
    /// <summary>Text code: <c>sez_regime</c>, <c>park_tax_relief</c> or <c>tor_regime</c>, with a label describing it.</summary>
    public const string Benefits = "benefits";
    public const string CustomsZone = "customs_zone";
    /// <summary>Free descriptive points about the site (label per language + value), e.g. facilities, land terms.</summary>
    public const string Notes = "notes";

    public static readonly IReadOnlyList<string> BenefitCodes = ["sez_regime", "park_tax_relief", "tor_regime"];

    /// <summary>Field → allowed value kinds and the unit numbers must carry (null: any or none).</summary>
    public static readonly IReadOnlyDictionary<string, (ValueKind[] Kinds, string? Unit)> Specs =
        new Dictionary<string, (ValueKind[], string?)>
        {
            [District] = ([ValueKind.Text], null),
            [Location] = ([ValueKind.Text], null),
            [TotalAreaHa] = ([ValueKind.Number], "ha"),
            [FreeAreaHa] = ([ValueKind.Number], "ha"),
            [DistanceToMoscowKm] = ([ValueKind.Number], "km"),
            [DistanceToKalugaKm] = ([ValueKind.Number], "km"),
            [AirportDistanceKm] = ([ValueKind.Number], "km"),
            [PowerMw] = ([ValueKind.Number], "MW"),
            [GasM3h] = ([ValueKind.Number], "m3/h"),
            [WaterM3Day] = ([ValueKind.Number], "m3/day"),
            [RailSiding] = ([ValueKind.Flag], null),
            [Motorway] = ([ValueKind.Text, ValueKind.Names], null),
            [Residents] = ([ValueKind.Text], null),
            [Operator] = ([ValueKind.Text], null),
            [FederalRegistry] = ([ValueKind.Flag], null),
            [Benefits] = ([ValueKind.Text], null),
            [CustomsZone] = ([ValueKind.Flag], null),
            [Notes] = ([ValueKind.Number, ValueKind.Text, ValueKind.Names, ValueKind.Flag], null),
        };
}
