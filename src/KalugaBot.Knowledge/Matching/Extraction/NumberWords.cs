using System.Globalization;
using System.Text;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace KalugaBot.Knowledge.Matching.Extraction;

/// <summary>Writes numbers given in words as digits ("fifty" → 50, "cinquanta" → 50, "五十" → 50, "пятьдесят" → 50),
/// so that one unit grammar serves every language. Recognizers.Text models are built once per culture and reused
/// (building one compiles its regexes, ~300 ms); Russian, which Recognizers.Text lacks, uses <see cref="RussianNumberWords"/>.</summary>
public static class NumberWords
{
    private static readonly Dictionary<string, string> Cultures = new(StringComparer.Ordinal)
    {
        ["en"] = Culture.English, ["de"] = Culture.German, ["fr"] = Culture.French, ["it"] = Culture.Italian,
        ["pt"] = Culture.Portuguese, ["zh"] = Culture.Chinese,
    };

    private static readonly Dictionary<string, Lazy<IModel?>> Models = Cultures.ToDictionary(
        kv => kv.Key, kv => new Lazy<IModel?>(() => Create(kv.Value), LazyThreadSafetyMode.ExecutionAndPublication), StringComparer.Ordinal);

    private static IModel? Create(string culture)
    {
        try { return new NumberRecognizer(culture).GetNumberModel(culture); }
        catch (ArgumentException) { return null; } // a culture this version lacks: digits still work
    }

    /// <summary>Builds the models of <paramref name="languages"/> (all when none are given) ahead of the first message.
    /// A model not warmed up is built on its language's first message (~200 ms, ~10 MB each).</summary>
    public static void WarmUp(params string[] languages)
    {
        foreach (var (language, model) in Models)
            if (languages.Length == 0 || languages.Contains(language, StringComparer.Ordinal)) model.Value?.Parse("fifty 50");
    }

    public static string Replace(string text, string language)
    {
        if (language == "ru" || text.Any(c => c is >= 'а' and <= 'я')) text = RussianNumberWords.Replace(text);
        if (!Models.TryGetValue(language, out var lazy)) return text;
        // Only spans with letters need rewriting; digits are parsed by the unit grammar itself.
        if (!(language == "zh" ? text.Any(PhraseSet.IsCjk) : HasLatinLetter(text))) return text;
        if (lazy.Value is not { } model) return text;
        List<ModelResult> results;
        try { results = model.Parse(text); }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException) { return text; }
        var sb = new StringBuilder(text.Length);
        var last = 0;
        // Spans with digits ("800千瓦", "1.5 thousand") are left to the unit grammar, which knows the multipliers.
        foreach (var r in results.Where(r => r.Text.Any(char.IsLetter) && !r.Text.Any(char.IsAsciiDigit)).OrderBy(r => r.Start))
        {
            if (r.Start < last || r.End >= text.Length) continue;
            if (r.Resolution?.TryGetValue("value", out var raw) != true || !TryParse(raw?.ToString(), out var value)) continue;
            sb.Append(text, last, r.Start - last).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append(' ');
            last = r.End + 1;
        }
        sb.Append(text, last, text.Length - last);
        return sb.ToString();
    }

    private static bool HasLatinLetter(string text) => text.Any(c => c is >= 'a' and <= 'z' or >= 'à' and <= 'ÿ');

    private static bool TryParse(string? raw, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(raw)) return false;
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
               || double.TryParse(raw.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
