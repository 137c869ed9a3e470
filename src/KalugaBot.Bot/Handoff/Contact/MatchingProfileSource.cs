using System.Globalization;
using KalugaBot.Bot.Matching;
using KalugaBot.Knowledge.Matching;
using KalugaBot.Protocol.Builder;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>Reads what site matching learned (ConversationState "matching"): the investor's country, requirements and recommended sites.</summary>
public sealed class MatchingProfileSource(InvestorRequirements requirements) : IInvestorProfileSource
{
    /// <summary>How many of the recommended sites (best first) go into a lead.</summary>
    public const int SitesInLead = 5;

    public async Task<InvestorProfile?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var state = await requirements.GetAsync(turnContext, cancellationToken);
        var r = state.Requirements;
        if (r.IsEmpty && r.InvestorCountry is null && state.RecommendedSiteIds.Count == 0) return null;
        return new InvestorProfile
        {
            Country = CountryName(r.InvestorCountry),
            Criteria = Criteria(r),
            RecommendedSites = state.RecommendedSiteIds.Take(SitesInLead).ToList(),
        };
    }

    private static string? CountryName(string? isoCode)
    {
        if (string.IsNullOrEmpty(isoCode)) return null;
        try { return new RegionInfo(isoCode).EnglishName; }
        catch (ArgumentException) { return isoCode; }
    }

    private static Dictionary<string, string> Criteria(Requirements r)
    {
        var c = new Dictionary<string, string>();
        void Add(string key, object? value) { if (value is not null && value is not Wish.None) c[key] = Convert.ToString(value, CultureInfo.InvariantCulture)!; }
        Add("area_min_ha", r.AreaMinHa);
        Add("area_max_ha", r.AreaMaxHa);
        Add("power_mw", r.PowerMw);
        Add("gas", r.Gas);
        Add("gas_m3_per_hour", r.GasM3PerHour);
        Add("water", r.Water);
        Add("water_m3_per_day", r.WaterM3PerDay);
        Add("rail", r.Rail);
        Add("motorway", r.Motorway);
        Add("airport", r.Airport);
        Add("max_km_to_moscow", r.MaxDistanceToMoscowKm);
        Add("special_economic_zone", r.SpecialEconomicZone);
        if (r.Industries.Count > 0) c["industries"] = string.Join(", ", r.Industries);
        return c;
    }
}
