namespace KalugaBot.Knowledge.Search;

/// <summary>
/// Texts of one document field by language, plus language-neutral texts (names, numbers, lexicon phrasings).
/// A question in German is compared with the German texts (English when a translation is missing) and the neutral ones,
/// so a Portuguese word in a Portuguese title cannot pass for an English concept.
/// </summary>
public sealed class DocumentTexts
{
    public static readonly DocumentTexts Empty = new(new Dictionary<string, IReadOnlyList<string>>(), []);

    public DocumentTexts(IReadOnlyDictionary<string, IReadOnlyList<string>> byLanguage, IReadOnlyList<string> neutral)
    {
        ByLanguage = byLanguage;
        Neutral = neutral;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> ByLanguage { get; }
    public IReadOnlyList<string> Neutral { get; }

    public static DocumentTexts Localized(IEnumerable<KeyValuePair<string, string>> texts, IEnumerable<string>? neutral = null) =>
        new(texts.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(t => t.Value).ToList()), neutral?.ToList() ?? []);

    public static DocumentTexts OnlyNeutral(IEnumerable<string> texts) => new(new Dictionary<string, IReadOnlyList<string>>(), texts.ToList());

    /// <summary>The texts in <paramref name="language"/> (English if there are none), without the neutral ones.</summary>
    public IReadOnlyList<string> Localized(string language) =>
        ByLanguage.TryGetValue(language, out var texts) && texts.Count > 0 ? texts
        : ByLanguage.TryGetValue("en", out var english) ? english : [];

    /// <summary>Everything a question in <paramref name="language"/> is compared with.</summary>
    public IEnumerable<string> For(string language) => Localized(language).Concat(Neutral);

    public IEnumerable<string> All => ByLanguage.Values.SelectMany(v => v).Concat(Neutral);
}
