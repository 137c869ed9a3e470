using System.Text;
using System.Text.RegularExpressions;

namespace KalugaBot.Knowledge.Matching.Extraction;

/// <summary>What an investor's message says about the site they need. Thread-safe; create once (compiled regexes).</summary>
public sealed partial class RequirementExtractor(MatchLexicon lexicon)
{
    public MatchLexicon Lexicon { get; } = lexicon;

    // Motorway names ("M3", "М-3", "A-101") - not cubic metres: those follow a number.
    [GeneratedRegex(@"(?<!\d\s*)\b[mм]-?\d{1,2}\b(?!\s*/)|\b[aа]-?1\d\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex RoadName();

    [GeneratedRegex(@"(?<!\d)[,，](?!\d)|[.;!?\n。；！？](?!\d)|\s(?:but|aber|mais|ma|mas|но)\s", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    public Extraction Extract(string? text, string language)
    {
        var result = new Requirements();
        if (string.IsNullOrWhiteSpace(text)) return new Extraction(result, [], "");
        var normalized = Normalize(text);
        var roads = RoadName().Matches(normalized);
        if (roads.Count > 0)
        {
            var sb = new StringBuilder(normalized);
            foreach (Match road in roads) for (var i = road.Index; i < road.Index + road.Length; i++) sb[i] = ' ';
            normalized = sb.ToString();
        }
        var withDigits = NumberWords.Replace(normalized, language);
        var quantities = QuantityRecognizer.Recognize(withDigits, language, Lexicon);
        var clauses = Clauses(withDigits);

        foreach (var q in quantities) Apply(result, q, withDigits, clauses);

        if (result.MaxDistanceToMoscowKm is null && clauses.Any(c => Lexicon.Moscow.IsMatch(c.Text) && Lexicon.Near.IsMatch(c.Text)))
            (result.MaxDistanceToMoscowKm, result.DistanceIsVague) = (Lexicon.NearMoscowKm, true);

        result.Rail = WishOf(Lexicon.Rail, clauses);
        result.Motorway = roads.Count > 0 && WishOf(Lexicon.Motorway, clauses) == Wish.None ? Wish.Required : WishOf(Lexicon.Motorway, clauses);
        result.Airport = WishOf(Lexicon.Airport, clauses);
        result.SpecialEconomicZone = WishOf(Lexicon.Sez, clauses);
        if (result.Gas == Wish.None) result.Gas = WishOf(Lexicon.Gas, clauses);
        if (result.Water == Wish.None) result.Water = WishOf(Lexicon.Water, clauses);
        foreach (var (tag, words) in Lexicon.Industries.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            if (words.IsMatch(withDigits)) result.Industries.Add(tag);
        result.InvestorCountry = Lexicon.Countries.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .FirstOrDefault(kv => kv.Value.IsMatch(withDigits)).Key;
        return new Extraction(result, quantities, withDigits);
    }

    /// <summary>Industry tags named in a text, e.g. a park's specialisation or a resident's description.</summary>
    public IReadOnlyList<string> IndustriesIn(string text)
    {
        var lower = Normalize(text);
        return Lexicon.Industries.Where(kv => kv.Value.IsMatch(lower)).Select(kv => kv.Key).OrderBy(t => t, StringComparer.Ordinal).ToList();
    }

    private void Apply(Requirements r, Quantity q, string text, IReadOnlyList<Clause> clauses)
    {
        switch (q.Kind)
        {
            case QuantityKind.Area:
                if (q.High is not null) (r.AreaMinHa, r.AreaMaxHa) = (q.Low, q.High);
                else if (q.Bound == Bound.AtMost) r.AreaMaxHa = q.Low;
                else r.AreaMinHa = q.Low;
                break;
            case QuantityKind.Power:
                r.PowerMw = q.Upper;
                break;
            case QuantityKind.GasFlow:
                // m³/h is the usual unit for gas; for water only when the clause says water.
                if (Lexicon.Water.IsMatch(ClauseAt(clauses, q.Start)) && !Lexicon.Gas.IsMatch(ClauseAt(clauses, q.Start)))
                    (r.Water, r.WaterM3PerDay) = (Wish.Required, q.Upper * 24);
                else (r.Gas, r.GasM3PerHour) = (Wish.Required, q.Upper);
                break;
            case QuantityKind.WaterFlow:
                (r.Water, r.WaterM3PerDay) = (Wish.Required, q.Upper);
                break;
            case QuantityKind.Distance:
                var clause = ClauseAt(clauses, q.Start);
                if (Lexicon.Moscow.IsMatch(clause) && q.Bound != Bound.AtLeast) (r.MaxDistanceToMoscowKm, r.DistanceIsVague) = (q.Upper, false);
                break;
        }
        _ = text;
    }

    private Wish WishOf(PhraseSet words, IReadOnlyList<Clause> clauses)
    {
        var wish = Wish.None;
        foreach (var clause in clauses)
        {
            if (!words.IsMatch(clause.Text)) continue;
            var here = Lexicon.Negation.IsMatch(clause.Text) && !Lexicon.Preferred.IsMatch(clause.Text) ? Wish.NotWanted
                : Lexicon.Preferred.IsMatch(clause.Text) ? Wish.Preferred : Wish.Required;
            if (here == Wish.Required || wish == Wish.None) wish = here;
        }
        return wish;
    }

    private static string ClauseAt(IReadOnlyList<Clause> clauses, int position) =>
        clauses.FirstOrDefault(c => position >= c.Start && position < c.Start + c.Text.Length)?.Text ?? "";

    private sealed record Clause(int Start, string Text);

    private static List<Clause> Clauses(string text)
    {
        var list = new List<Clause>();
        var start = 0;
        foreach (Match m in ClauseBreak().Matches(text))
        {
            list.Add(new Clause(start, text[start..m.Index]));
            start = m.Index + m.Length;
        }
        list.Add(new Clause(start, text[start..]));
        return list;
    }

    /// <summary>Lower case, one kind of dash, superscripts as digits, no non-breaking spaces.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            sb.Append(c switch
            {
                '–' or '—' or '−' or '‑' => '-',
                '～' or '〜' => '~',
                '²' => '2',
                '³' => '3',
                '\u00a0' or '\u202f' => ' ',
                '，' => ',',
                'ё' or 'Ё' => 'е',
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                _ => char.ToLowerInvariant(c),
            });
        }
        return sb.ToString();
    }
}

/// <summary>The requirements found in one message, with the quantities behind them (bare numbers included, for prompts).</summary>
public sealed record Extraction(Requirements Requirements, IReadOnlyList<Quantity> Quantities, string NormalizedText);
