using System.Globalization;
using System.Text.RegularExpressions;
using KalugaBot.Bot.Templates;
using KalugaBot.Knowledge.Facts;

namespace KalugaBot.Bot.Questions;

/// <summary>Renders values, dates and citations in the reply language (numbers per culture, words from templates).</summary>
public sealed partial class ValueFormatter(ITemplates templates)
{
    private readonly UnitText _units = new(templates);

    private static readonly Dictionary<string, CultureInfo> Cultures = new()
    {
        ["en"] = CultureInfo.GetCultureInfo("en-GB"), ["ru"] = CultureInfo.GetCultureInfo("ru-RU"),
        ["de"] = CultureInfo.GetCultureInfo("de-DE"), ["fr"] = CultureInfo.GetCultureInfo("fr-FR"),
        ["it"] = CultureInfo.GetCultureInfo("it-IT"), ["zh"] = CultureInfo.GetCultureInfo("zh-CN"),
        ["pt"] = CultureInfo.GetCultureInfo("pt-PT"),
    };

    public static CultureInfo Culture(string language) => Cultures.GetValueOrDefault(language, Cultures["en"]);

    /// <summary>1107 → "1,107" (en), "1 107" (ru, fr), "1.107" (de, it). Plain spaces, so the text reads and matches the same everywhere.</summary>
    public static string Number(decimal number, string language) =>
        number.ToString("#,0.##########", Culture(language)).Replace('\u00A0', ' ').Replace('\u202F', ' ');

    public string Value(SourcedValue value, string language)
    {
        var text = value.Kind switch
        {
            ValueKind.Number when value.Number is { } n => _units.Quantity(Number(n, language), n, value.Unit, language),
            ValueKind.Flag => templates.Render(value.Flag == true ? "questions.flag_yes" : "questions.flag_no", language),
            ValueKind.Names => string.Join(", ", value.Names),
            // Codes such as "sez_regime" are for machines; the label says what they mean.
            ValueKind.Text when Code().IsMatch(value.Text ?? "") && value.Label.Get(language) is { } label => label,
            _ => value.Display,
        };
        return value.Qualifier switch
        {
            Qualifier.About => Render("questions.qualifier_about", language, ("value", text)),
            Qualifier.Over => Render("questions.qualifier_over", language, ("value", text)),
            Qualifier.UpTo => Render("questions.qualifier_up_to", language, ("value", text)),
            Qualifier.Planned => Render("questions.qualifier_planned", language, ("value", text)),
            _ => text,
        };
    }

    /// <summary>The value with its label when the label adds something: "1,107 ha (after adding 113 ha in Babynino District)".</summary>
    public string ValueWithLabel(SourcedValue value, string language)
    {
        var text = Value(value, language);
        return Label(value, language) is { } label && !text.Contains(label, StringComparison.Ordinal) ? $"{text} ({label})" : text;
    }

    public static string? Label(SourcedValue value, string language) => value.Label.IsEmpty ? null : value.Label.Get(language);

    /// <summary>The as-of date as printed in the source; undated values say so.</summary>
    public string Date(AsOf asOf, string language) =>
        asOf.IsUndated ? templates.Render("questions.undated", language) : asOf.Text;

    /// <summary>"as of 2023-12-19" / "date not stated", for the answer sentence.</summary>
    public string When(AsOf asOf, string language) =>
        asOf.IsUndated ? templates.Render("questions.undated", language) : Render("questions.as_of", language, ("date", asOf.Text));

    public string Citation(SourcedValue value, string language) =>
        Render("questions.source", language, ("name", value.SourceName), ("link", value.Source.ToString()));

    private string Render(string key, string language, params (string Slot, string? Value)[] slots) =>
        templates.Render(key, language, slots.ToDictionary(s => s.Slot, s => s.Value));

    [GeneratedRegex("^[a-z]+(_[a-z]+)+$")]
    private static partial Regex Code();
}
