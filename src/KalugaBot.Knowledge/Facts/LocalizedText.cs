namespace KalugaBot.Knowledge.Facts;

/// <summary>One short text per language (titles, names, labels). Falls back to English, then to any language present.</summary>
public sealed class LocalizedText
{
    public static readonly LocalizedText Empty = new(new Dictionary<string, string>());

    private readonly IReadOnlyDictionary<string, string> _texts;

    public LocalizedText(IReadOnlyDictionary<string, string> texts) => _texts = texts;

    public IReadOnlyDictionary<string, string> Texts => _texts;

    public bool IsEmpty => _texts.Count == 0;

    /// <summary>The text in <paramref name="language"/>, else English, else the first present; null when empty.</summary>
    public string? Get(string? language)
    {
        if (language is not null && _texts.TryGetValue(language, out var text)) return text;
        if (_texts.TryGetValue(Languages.Default, out var english)) return english;
        return _texts.Values.FirstOrDefault();
    }

    public bool Has(string language) => _texts.ContainsKey(language);

    public override string ToString() => Get(Languages.Default) ?? "";
}
