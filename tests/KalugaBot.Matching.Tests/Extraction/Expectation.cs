using System.Globalization;
using KalugaBot.Knowledge.Matching;

namespace KalugaBot.Matching.Tests.Extraction;

/// <summary>Compact expectations for extraction tables: "area>=15 area<=20 power=10 rail=Preferred moscow<=150 industry=automotive country=DE".
/// Every criterion not named must be absent ("none" expects nothing at all).</summary>
public static class Expectation
{
    public static void Check(Requirements r, string expected)
    {
        var want = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => t != "none").ToList();
        double? Num(string key) => want.FirstOrDefault(t => t.StartsWith(key, StringComparison.Ordinal)) is { } t
            ? double.Parse(t[key.Length..], CultureInfo.InvariantCulture) : null;
        string? Str(string key) => want.FirstOrDefault(t => t.StartsWith(key, StringComparison.Ordinal))?[key.Length..];

        AssertNear(Num("area>="), r.AreaMinHa, "area min");
        AssertNear(Num("area<="), r.AreaMaxHa, "area max");
        AssertNear(Num("power="), r.PowerMw, "power MW");
        AssertNear(Num("moscow<="), r.MaxDistanceToMoscowKm, "distance to Moscow");
        AssertNear(Num("gas="), r.GasM3PerHour, "gas m3/h");
        AssertNear(Num("water="), r.WaterM3PerDay, "water m3/day");
        Assert.Equal(Str("rail=") ?? "None", r.Rail.ToString());
        Assert.Equal(Str("sez=") ?? "None", r.SpecialEconomicZone.ToString());
        Assert.Equal(Str("motorway=") ?? "None", r.Motorway.ToString());
        Assert.Equal(Str("airport=") ?? "None", r.Airport.ToString());
        Assert.Equal(Str("gaswish=") ?? (Num("gas=") is null ? "None" : "Required"), r.Gas.ToString());
        var industries = want.Where(t => t.StartsWith("industry=", StringComparison.Ordinal)).Select(t => t[9..]).OrderBy(t => t, StringComparer.Ordinal);
        Assert.Equal(industries, r.Industries.OrderBy(t => t, StringComparer.Ordinal));
        Assert.Equal(Str("country="), r.InvestorCountry);
    }

    private static void AssertNear(double? expected, double? actual, string what)
    {
        if (expected is null) { Assert.True(actual is null, $"{what}: expected none, got {actual}"); return; }
        Assert.True(actual is not null, $"{what}: expected {expected}, got none");
        Assert.True(Math.Abs(expected.Value - actual!.Value) <= Math.Max(0.01, expected.Value * 0.001), $"{what}: expected {expected}, got {actual}");
    }
}
