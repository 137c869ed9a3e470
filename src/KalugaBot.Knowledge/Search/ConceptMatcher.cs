namespace KalugaBot.Knowledge.Search;

/// <summary>Finds the lexicon concepts a text mentions, comparing analysed (stemmed, folded) word sequences per language.</summary>
/// <remarks>Chinese phrasings are matched as substrings: Chinese has no spaces and segmenters split names unpredictably.</remarks>
public sealed class ConceptMatcher
{
    private readonly TextAnalysis _analysis;
    // language → first token → phrasings starting with it (token sequence, concept).
    private readonly Dictionary<string, Dictionary<string, List<(string[] Tokens, LexiconConcept Concept)>>> _byFirstToken = new();
    private readonly List<(string Phrase, LexiconConcept Concept)> _chinese = [];

    public ConceptMatcher(Lexicon lexicon, TextAnalysis analysis)
    {
        _analysis = analysis;
        Lexicon = lexicon;
        foreach (var concept in lexicon.Concepts)
        foreach (var (language, phrasings) in concept.Terms)
        foreach (var phrasing in phrasings)
        {
            if (language == "zh")
            {
                _chinese.Add((phrasing.ToLowerInvariant(), concept));
                continue;
            }
            var tokens = analysis.Tokens(language, phrasing).ToArray();
            if (tokens.Length == 0) continue; // only stop words: it can never be told apart from filler
            if (!_byFirstToken.TryGetValue(language, out var index)) _byFirstToken[language] = index = new(StringComparer.Ordinal);
            if (!index.TryGetValue(tokens[0], out var list)) index[tokens[0]] = list = [];
            list.Add((tokens, concept));
        }
    }

    public Lexicon Lexicon { get; }

    public IReadOnlyDictionary<string, LexiconConcept> ById => _byId ??= Lexicon.Concepts.ToDictionary(c => c.Id, StringComparer.Ordinal);
    private IReadOnlyDictionary<string, LexiconConcept>? _byId;

    /// <summary>Concepts mentioned in <paramref name="text"/>, looking for the phrasings of the given languages.</summary>
    public ConceptMatches Match(string text, IEnumerable<string> languages)
    {
        var found = new Dictionary<string, ConceptMatch>(StringComparer.Ordinal);
        var coveredTokens = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var language in languages.Distinct())
        {
            if (language == "zh")
            {
                var lower = text.ToLowerInvariant();
                foreach (var (phrase, concept) in _chinese)
                    if (lower.Contains(phrase, StringComparison.Ordinal)) found.TryAdd(concept.Id, new ConceptMatch(concept, "zh", phrase.Length));
                continue;
            }
            if (!_byFirstToken.TryGetValue(language, out var index)) continue;
            var tokens = _analysis.Tokens(language, text);
            var covered = coveredTokens[language] = [];
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!index.TryGetValue(tokens[i], out var candidates)) continue;
                foreach (var (phrase, concept) in candidates)
                {
                    if (!StartsAt(tokens, i, phrase)) continue;
                    for (var k = 0; k < phrase.Length; k++) covered.Add(i + k);
                    found.TryAdd(concept.Id, new ConceptMatch(concept, language, phrase.Length));
                }
            }
        }
        return new ConceptMatches(found, coveredTokens);
    }

    private static bool StartsAt(List<string> tokens, int start, string[] phrase)
    {
        if (start + phrase.Length > tokens.Count) return false;
        for (var k = 1; k < phrase.Length; k++)
            if (!string.Equals(tokens[start + k], phrase[k], StringComparison.Ordinal)) return false;
        return true;
    }
}

public readonly record struct ConceptMatch(LexiconConcept Concept, string Language, int Length);

/// <param name="Concepts">Matched concepts by id.</param>
/// <param name="CoveredTokens">Per language, the positions of analysed tokens that belong to a matched phrasing.</param>
public sealed record ConceptMatches(IReadOnlyDictionary<string, ConceptMatch> Concepts, IReadOnlyDictionary<string, HashSet<int>> CoveredTokens);
