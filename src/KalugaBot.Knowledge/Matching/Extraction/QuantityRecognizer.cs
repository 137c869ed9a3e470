using System.Globalization;
using System.Text.RegularExpressions;

namespace KalugaBot.Knowledge.Matching.Extraction;

/// <summary>Numbers with the units investors use, in all seven languages, including ranges ("15–20 ha", "от 15 до 20 га")
/// and units Recognizers.Text does not know (MW, MVA, m³/h, га, 公顷). Works on text whose word-numbers are already digits.</summary>
public static partial class QuantityRecognizer
{
    private sealed record Unit(string Pattern, QuantityKind Kind, double Factor);

    // Longer symbols first: the regex takes the first alternative that matches.
    private static readonly Unit[] Units =
    [
        new(@"(?:n?m3|м3|куб\.?\s?м(?:етр\p{L}*)?|cubic\s+met(?:er|re)s?|立方米|kubikmeter)\s*(?:/|per|pro|par|al|por|в|每)\s*(?:hour|hora|heure|ora|stunde|std|hr|h|час|ч|小时)", QuantityKind.GasFlow, 1),
        new(@"(?:m3|м3|куб\.?\s?м(?:етр\p{L}*)?|cubic\s+met(?:er|re)s?|立方米|kubikmeter)\s*(?:/|per|pro|par|al|por|в|每)\s*(?:day|tag|jour|giorno|dia|d|сутки|сут|день|天|日)", QuantityKind.WaterFlow, 1),
        new(@"km2|sq\.?\s?km|square\s+kilomet(?:er|re)s?|кв\.?\s?км|平方公里|quadratkilometer", QuantityKind.Area, 100),
        new(@"sq\.?\s?ft|square\s+f(?:ee|oo)t", QuantityKind.Area, 0.09290304 / 10000),
        new(@"m2|sq\.?\s?m|square\s+met(?:er|re)s?|quadratmeter\p{L}*|qm|metri\s+quadrati|mq|mètres?\s+carrés?|metros?\s+quadrados?|кв\.?\s?м(?:етр\p{L}*)?|квадратных\s+метров|平方米", QuantityKind.Area, 0.0001),
        new(@"hectares?|hektar\p{L}*|ettar[oi]|héctares?|гектар\p{L}*|га|ha|公顷", QuantityKind.Area, 1),
        new(@"acres?|acri|acro", QuantityKind.Area, 0.40468564224),
        new(@"megawatts?|мегаватт\p{L}*|mw|мвт|兆瓦", QuantityKind.Power, 1),
        new(@"kilowatts?|киловатт\p{L}*|kw|квт|千瓦", QuantityKind.Power, 0.001),
        // Apparent power: taken as MW at a power factor of 1, the upper bound of the real power the investor needs.
        new(@"mva|мва|兆伏安", QuantityKind.Power, 1),
        new(@"kva|ква", QuantityKind.Power, 0.001),
        new(@"kilomet(?:er|re)s?|kilomètres?|chilometr[oi]|quil[ôó]metros?|километр\p{L}*|km|км|公里|千米", QuantityKind.Distance, 1),
        new(@"miles?|meilen|miglia|milles|milhas|mi|英里", QuantityKind.Distance, 1.609344),
    ];

    private const string Num = @"\d{1,3}(?:[ '\u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?";
    // "千瓦" is kW and "千米" km: there 千 is part of the unit, not a multiplier.
    private const string Mult = @"(?:thousands?|tausend|mila|mille|mil|тысяч\p{L}*|k)(?![a-zа-яё])|тыс\.?|千(?![瓦米])|万";
    private const string Sep = @"-|~|to|bis|à|a|até|до|and|und|et|e|и|至|到";
    private const string LetterAfter = @"(?![a-zа-яёäöüßàâçéèêëîïôûùÿñæœ])";

    private static readonly string UnitAlternation = string.Join('|', Units.Select((u, i) => $"(?<u{i}>{u.Pattern})"));

    private static readonly Regex Pattern = new(
        $@"(?<a>{Num})(?:\s*(?<ma>{Mult}))?\s*(?:(?<ua>{UnitAlternation.Replace("(?<u", "(?<a_u")}){LetterAfter})?" +
        $@"(?:\s*(?:{Sep})\s*(?<b>{Num})(?:\s*(?<mb>{Mult}))?)?\s*(?:(?<ub>{UnitAlternation}){LetterAfter})?",
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Finds the quantities in lower-cased, digit-normalised text; bare numbers come back as <see cref="QuantityKind.Number"/>.</summary>
    public static List<Quantity> Recognize(string text, string language, MatchLexicon lexicon)
    {
        var list = new List<Quantity>();
        foreach (Match m in Pattern.Matches(text))
        {
            // Inside a word or an identifier such as "A-101" or "M3": not a quantity.
            if (m.Index > 0 && char.IsLetter(text[m.Index - 1]) && !PhraseSet.IsCjk(text[m.Index - 1])) continue;
            // "-5 ha": a negative figure is no requirement (a range dash sits between two numbers, inside the match).
            if (m.Index > 0 && text[m.Index - 1] == '-' && (m.Index < 2 || !char.IsLetterOrDigit(text[m.Index - 2]))) continue;
            var unitA = UnitOf(m, "a_u");
            var unitB = UnitOf(m, "u");
            var a = Parse(m.Groups["a"].Value, m.Groups["ma"].Value, language);
            double? b = m.Groups["b"].Success ? Parse(m.Groups["b"].Value, m.Groups["mb"].Value, language) : null;
            if (a is null) continue;
            var bound = BoundOf(text, m.Index, m.Index + m.Length, lexicon);
            if (b is not null && unitA is not null)
            {
                // "50 ha and 10 MW", "50 ha - 3 MW": two quantities, not a range.
                var aEnd = m.Groups["ua"].Index + m.Groups["ua"].Length;
                list.Add(Make(unitA, a.Value, null, BoundOf(text, m.Index, aEnd, lexicon), m.Index, aEnd));
                list.Add(Make(unitB, b.Value, null, BoundOf(text, m.Groups["b"].Index, m.Index + m.Length, lexicon), m.Groups["b"].Index, m.Index + m.Length));
                continue;
            }
            if (b is not null && (unitB is null || b < a))
            {
                // "between 2 and 5" without unit, or "20 - 15 ha": keep both numbers as separate values.
                list.Add(Make(null, a.Value, null, bound, m.Index, m.Groups["b"].Index));
                list.Add(Make(unitB, b.Value, null, bound, m.Groups["b"].Index, m.Index + m.Length));
                continue;
            }
            list.Add(Make(unitB ?? unitA, a.Value, b, b is null ? bound : Bound.Exact, m.Index, m.Index + m.Length));
        }
        return list;
    }

    private static Unit? UnitOf(Match m, string prefix)
    {
        for (var i = 0; i < Units.Length; i++)
            if (m.Groups[prefix + i].Success) return Units[i];
        return null;
    }

    private static Quantity Make(Unit? unit, double low, double? high, Bound bound, int start, int end)
    {
        var factor = unit?.Factor ?? 1;
        return new Quantity(unit?.Kind ?? QuantityKind.Number, Math.Round(low * factor, 6),
            high is null ? null : Math.Round(high.Value * factor, 6), bound, start, end);
    }

    /// <summary>"at least 10 MW", "не менее 50 га", "fino a 30 ettari", "50公顷以上".</summary>
    private static Bound BoundOf(string text, int start, int end, MatchLexicon lexicon)
    {
        var before = text[Math.Max(0, start - 30)..start].TrimEnd();
        // The longer phrase wins: "no more than" (at most) contains "more than" (at least).
        var least = EndingAt(lexicon.AtLeast, before);
        var most = EndingAt(lexicon.AtMost, before);
        if (least is not null || most is not null) return (most ?? int.MaxValue) <= (least ?? int.MaxValue) ? Bound.AtMost : Bound.AtLeast;
        var after = text[end..Math.Min(text.Length, end + 4)].TrimStart();
        if (StartsWithCjk(lexicon.AtLeast, after)) return Bound.AtLeast;
        if (StartsWithCjk(lexicon.AtMost, after)) return Bound.AtMost;
        return Bound.Exact;
    }

    /// <summary>Start of the longest phrase of the set that ends the text, or null.</summary>
    private static int? EndingAt(PhraseSet set, string text) =>
        set.Matches(text).Where(m => m.Index + m.Length == text.Length).Select(m => (int?)m.Index).Min();

    private static bool StartsWithCjk(PhraseSet set, string text) =>
        text.Length > 0 && PhraseSet.IsCjk(text[0]) && set.Matches(text).Any(m => m.Index == 0);

    private static double? Parse(string digits, string multiplier, string language)
    {
        var s = digits.Replace(" ", "").Replace("\u00a0", "").Replace("'", "");
        // "1,500" is fifteen hundred in English and Chinese; "1,5" is one and a half everywhere else.
        var comma = s.IndexOf(',');
        if (comma >= 0)
            s = (language is "en" or "zh") && s.Length - comma - 1 == 3 ? s.Replace(",", "") : s.Replace(',', '.');
        else if (language is "de" or "it" or "pt" or "fr" or "ru" && s.Count(c => c == '.') == 1 && s.Length - s.IndexOf('.') - 1 == 3 && s.IndexOf('.') <= 3)
            s = s.Replace(".", ""); // "1.500" = 1500 in continental notation
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
        var m = multiplier.Trim();
        if (m.Length > 0) value *= m == "万" ? 10_000 : 1000;
        return value;
    }
}
