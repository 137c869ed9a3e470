namespace KalugaBot.Knowledge.Facts;

/// <summary>Several phrasings per language (aliases, question phrasings used by retrieval).</summary>
public sealed class LocalizedList
{
    public static readonly LocalizedList Empty = new(new Dictionary<string, IReadOnlyList<string>>());

    public LocalizedList(IReadOnlyDictionary<string, IReadOnlyList<string>> items) => Items = items;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Items { get; }

    public IReadOnlyList<string> Get(string language) => Items.TryGetValue(language, out var list) ? list : [];

    /// <summary>Every phrasing in every language (retrieval indexes aliases across languages: "Worsino" helps an English asker too).</summary>
    public IEnumerable<string> All => Items.Values.SelectMany(v => v);

    /// <summary>A copy with one more phrasing (used when staff additions are merged in).</summary>
    public LocalizedList With(string language, string item)
    {
        var copy = Items.ToDictionary(kv => kv.Key, kv => kv.Value);
        copy[language] = [.. Get(language), item];
        return new LocalizedList(copy);
    }
}
