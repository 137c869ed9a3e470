using System.Globalization;
using KalugaBot.Bot.Templates;
using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Matching;

namespace KalugaBot.Bot.Matching;

/// <summary>Renders sourced values and the investor's figures in a language (numbers, qualifiers, yes/no, source and date).</summary>
public sealed class ValueText(ITemplates templates)
{
    private readonly UnitText _units = new(templates);

    public string Value(SourcedValue v, string lang)
    {
        var plain = v.Kind switch
        {
            ValueKind.Number => Number(v.Number is null ? 0 : (double)v.Number.Value, v.Unit, lang),
            ValueKind.Flag => templates.Render(v.Flag == true ? "matching.flag_yes" : "matching.flag_no", lang),
            _ => v.Display,
        };
        var key = v.Qualifier switch
        {
            Qualifier.About => "matching.qualifier_about",
            Qualifier.Over => "matching.qualifier_over",
            Qualifier.UpTo => "matching.qualifier_up_to",
            Qualifier.Planned => "matching.qualifier_planned",
            _ => null,
        };
        return key is null ? plain : templates.Render(key, lang, Slots(("value", plain)));
    }

    /// <summary>"1700 ha (total area; isl.org, 2012-10 to 2013-04)".</summary>
    public string WithSource(SourcedValue v, string lang, string? valueText = null)
    {
        var label = v.Label.Get(lang);
        var slots = Slots(("value", valueText ?? Value(v, lang)), ("label", label), ("source", v.SourceName), ("as_of", v.AsOf.IsUndated ? templates.Render("matching.undated", lang) : v.AsOf.Text));
        return templates.Render(string.IsNullOrWhiteSpace(label) ? "matching.value_source_nolabel" : "matching.value_source", lang, slots);
    }

    public string Number(double value, string? unit, string lang)
    {
        var culture = lang switch { "ru" => "ru-RU", "de" => "de-DE", "fr" => "fr-FR", "it" => "it-IT", "pt" => "pt-PT", "zh" => "zh-CN", _ => "en-US" };
        var text = value.ToString(value == Math.Floor(value) ? "#,0" : "#,0.##", CultureInfo.GetCultureInfo(culture));
        return _units.Quantity(text, (decimal)Math.Round(value, 2), unit, lang);
    }

    /// <summary>The investor's figure for a criterion ("100 ha", "≤ 150 km").</summary>
    public string Wanted(string criterion, Requirements r, string lang) => criterion switch
    {
        Criteria.Area when r.AreaMinHa is { } min && r.AreaMaxHa is { } max && max > min => $"{Number(min, null, lang)}–{Number(max, "ha", lang)}",
        Criteria.Area => Number(r.AreaNeededHa ?? 0, "ha", lang),
        Criteria.Power => Number(r.PowerMw ?? 0, "MW", lang),
        Criteria.DistanceToMoscow => "≤ " + Number(r.MaxDistanceToMoscowKm ?? 0, "km", lang),
        Criteria.Gas when r.GasM3PerHour is { } gas => Number(gas, "m³/h", lang),
        Criteria.Water when r.WaterM3PerDay is { } water => Number(water, "m³/day", lang),
        Criteria.Industry => string.Join(", ", r.Industries.Select(t => templates.Render("matching.industry_" + t, lang))),
        _ => "",
    };

    public string Label(string criterion, string lang) => templates.Render("matching.label_" + criterion, lang);

    /// <summary>"Land 100 ha, Rail siding (preferred), Your industry pharmaceuticals".</summary>
    public string Summary(Requirements r, string lang) => string.Join(", ", Criteria.All.Where(r.Has).Select(c =>
    {
        var label = Label(c, lang);
        var wish = c switch { Criteria.Rail => r.Rail, Criteria.Motorway => r.Motorway, Criteria.Airport => r.Airport, Criteria.Sez => r.SpecialEconomicZone, Criteria.Gas => r.Gas, Criteria.Water => r.Water, _ => Wish.Required };
        if (wish == Wish.NotWanted) return null;
        var wanted = Wanted(c, r, lang);
        var text = wanted.Length == 0 ? label : templates.Render("matching.criterion_with_value", lang, Slots(("label", label), ("value", wanted)));
        return wish == Wish.Preferred || (c == Criteria.DistanceToMoscow && r.DistanceIsVague)
            ? templates.Render("matching.preferred_suffix", lang, Slots(("label", text))) : text;
    }).Where(s => s is not null));

    public static Dictionary<string, string?> Slots(params (string Key, string? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);
}
