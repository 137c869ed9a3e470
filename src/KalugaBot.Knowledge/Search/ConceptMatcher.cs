namespace KalugaBot.Knowledge.Search;

/// <summary>
/// Finds the concepts a text mentions by comparing analysed (stemmed, folded) word sequences. Phrasings carry no
/// language tag, so each is analysed with every language's analyzer and compared with the text analysed the same way.
/// </summary>
/// <remarks>Chinese phrasings are matched as substrings: Chinese has no spaces and segmenters split names unpredictably.</remarks>
public sealed class ConceptMatcher
{
    private static readonly string[] StemmingLanguages = SearchLanguages.All.Where(l => l != "zh").ToArray();

    private readonly TextAnalysis _analysis;
    // language → first term → phrasings starting with it.
    private readonly Dictionary<string, Dictionary<string, List<(string[] Terms, Concept Concept)>>> _byFirstTerm = new();
    private readonly List<(string Phrase, Concept Concept)> _chinese = [];

    public ConceptMatcher(IEnumerable<Concept> concepts, TextAnalysis analysis)
    {
        _analysis = analysis;
        foreach (var language in StemmingLanguages) _byFirstTerm[language] = new(StringComparer.Ordinal);
        foreach (var concept in concepts)
        foreach (var phrasing in concept.Phrasings.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            if (phrasing.Any(IsCjk))
            {
                _chinese.Add((phrasing.ToLowerInvariant(), concept));
                continue;
            }
            foreach (var language in StemmingLanguages)
            {
                var terms = analysis.Tokens(language, phrasing).Select(t => t.Term).ToArray();
                if (terms.Length == 0) continue; // only stop words in this language
                // "A-Park" in Russian analysis is just "парк" once "а" is dropped as a stop word: not a name any more.
                if (concept.Id.StartsWith(Concept.ParkPrefix, StringComparison.Ordinal) && terms.Length == 1 && WordCount(phrasing) > 1) continue;
                var index = _byFirstTerm[language];
                if (!index.TryGetValue(terms[0], out var list)) index[terms[0]] = list = [];
                if (!list.Any(x => x.Concept.Id == concept.Id && x.Terms.SequenceEqual(terms))) list.Add((terms, concept));
            }
        }
    }

    /// <summary>The languages whose phrasings are looked for in a question written in <paramref name="language"/>.</summary>
    public static IReadOnlyList<string> QueryLanguages(string language) =>
        language == "zh" ? ["zh", "en"] : [language];

    /// <summary>Documents are tagged in every language: their titles and aliases are written in all of them.</summary>
    public static IReadOnlyList<string> DocumentLanguages => SearchLanguages.All;

    /// <summary>Joins texts for one analysis pass; a phrasing never matches across the separator.</summary>
    public const string Separator = "\n";

    /// <summary>Concepts mentioned in <paramref name="text"/>, with the character spans each phrasing covered.</summary>
    public ConceptMatches Match(string text, IEnumerable<string> languages) => Match(text, languages, _analysis.Tokens);

    /// <summary>As <see cref="Match(string, IEnumerable{string})"/>, with the analysis supplied (a build-time cache).</summary>
    public ConceptMatches Match(string text, IEnumerable<string> languages, Func<string, string, List<Token>> tokenize)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var spans = new List<(int Start, int End, string Concept)>();
        foreach (var language in languages.Distinct())
        {
            if (language == "zh")
            {
                if (!text.Any(IsCjk)) continue; // Chinese phrasings cannot occur in a text without Chinese characters
                var lower = text.ToLowerInvariant();
                foreach (var (phrase, concept) in _chinese)
                {
                    var at = lower.IndexOf(phrase, StringComparison.Ordinal);
                    if (at < 0) continue;
                    found.Add(concept.Id);
                    spans.Add((at, at + phrase.Length, concept.Id));
                }
                continue;
            }
            if (!_byFirstTerm.TryGetValue(language, out var index) || index.Count == 0) continue;
            var tokens = tokenize(language, text);
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!index.TryGetValue(tokens[i].Term, out var candidates)) continue;
                foreach (var (terms, concept) in candidates)
                {
                    if (!StartsAt(tokens, i, terms)) continue;
                    var (start, end) = (tokens[i].Start, tokens[i + terms.Length - 1].End);
                    if (terms.Length > 1 && text.AsSpan(start, end - start).Contains(Separator, StringComparison.Ordinal)) continue;
                    found.Add(concept.Id);
                    spans.Add((start, end, concept.Id));
                }
            }
        }
        return new ConceptMatches(found, spans);
    }

    private static bool StartsAt(List<Token> tokens, int start, string[] terms)
    {
        if (start + terms.Length > tokens.Count) return false;
        for (var k = 1; k < terms.Length; k++)
            if (!string.Equals(tokens[start + k].Term, terms[k], StringComparison.Ordinal)) return false;
        return true;
    }

    private static int WordCount(string phrasing) =>
        phrasing.Split([' ', '-', '–', '«', '»', '"', '„', '“'], StringSplitOptions.RemoveEmptyEntries).Length;

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}

/// <param name="Ids">Matched concept ids.</param>
/// <param name="Spans">Character spans of the text that matched phrasings cover, with the concept matched.</param>
public sealed record ConceptMatches(IReadOnlySet<string> Ids, IReadOnlyList<(int Start, int End, string Concept)> Spans)
{
    public bool Covers(Token token, Func<string, bool>? concept = null) =>
        Spans.Any(s => token.Start < s.End && token.End > s.Start && (concept?.Invoke(s.Concept) ?? true));
}
