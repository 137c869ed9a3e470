namespace KalugaBot.Knowledge.Search;

/// <summary>
/// Memoises analysis and concept matching while one index is built: park names, field phrasings and many labels
/// repeat across hundreds of documents (20 parks × 17 fields), and every text is analysed in seven languages.
/// </summary>
internal sealed class BuildCache(TextAnalysis analysis, ConceptMatcher matcher)
{
    private readonly Dictionary<(string Language, string Text), List<Token>> _tokens = new();
    private readonly Dictionary<(string Languages, string Text), IReadOnlySet<string>> _concepts = new();
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>One analysis of several texts (a document field); phrasings do not match across their boundaries.</summary>
    public static string Join(IEnumerable<string> texts) => string.Join(ConceptMatcher.Separator, texts);

    public List<Token> Tokens(string language, string text)
    {
        if (!_tokens.TryGetValue((language, text), out var tokens)) _tokens[(language, text)] = tokens = analysis.Tokens(language, text);
        return tokens;
    }

    /// <summary>One shared instance of each term or concept id that the built index keeps.</summary>
    public string Intern(string value) =>
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_strings, value, out _) ??= value;

    public IReadOnlySet<string> Concepts(string text, IReadOnlyList<string> languages)
    {
        var key = (string.Join(',', languages), text);
        if (!_concepts.TryGetValue(key, out var ids)) _concepts[key] = ids = matcher.Match(text, languages, Tokens).Ids;
        return ids;
    }
}
