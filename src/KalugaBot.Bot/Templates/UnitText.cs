using System.Text;

namespace KalugaBot.Bot.Templates;

/// <summary>A number with its unit in the reply language ("10 лет", "1 107 га", "Platz 5"), from dialogs/units.yaml.</summary>
public sealed class UnitText(ITemplates templates)
{
    /// <param name="number">The number as already formatted for the language.</param>
    /// <param name="value">The same number, which picks the plural form.</param>
    public string Quantity(string number, decimal value, string? unit, string language)
    {
        if (string.IsNullOrWhiteSpace(unit)) return number;
        var key = "units." + Key(unit);
        // A unit that staff wrote into a new fact and nobody has worded yet reads as written.
        if (!templates.Has(key)) return $"{number} {unit}";
        var forms = templates.Render(key, language).Split('|');
        var form = forms[Math.Min(PluralForms.Index(value, language), forms.Length - 1)].Trim();
        return form.Contains("{n}", StringComparison.Ordinal) ? form.Replace("{n}", number, StringComparison.Ordinal) : $"{number} {form}";
    }

    /// <summary>"m³/day" → "m3_day", "bn RUB" → "bn_rub", "%" → "percent".</summary>
    public static string Key(string unit)
    {
        var key = new StringBuilder(unit.Length + 8);
        foreach (var c in unit.Trim().ToLowerInvariant())
        {
            var mapped = c switch { '³' => "3", '²' => "2", '%' => "percent", _ => char.IsAsciiLetterOrDigit(c) ? c.ToString() : "_" };
            if (mapped == "_" && (key.Length == 0 || key[^1] == '_')) continue;
            key.Append(mapped);
        }
        return key.ToString().TrimEnd('_');
    }
}
