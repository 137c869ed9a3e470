namespace KalugaBot.Knowledge.Search;

/// <summary>
/// What a document mentions, for measuring how much of a question it covers: analysed terms per language and
/// concepts, split into strong evidence (titles, aliases, park names) and weak evidence (values and labels).
/// </summary>
internal sealed class DocumentProfile
{
    /// <summary>Credit for a question unit found only among the document's values and labels.</summary>
    public const double WeakCredit = 0.5;

    public Dictionary<string, HashSet<string>> StrongTerms { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, HashSet<string>> WeakTerms { get; } = new(StringComparer.Ordinal);
    public HashSet<string> StrongConcepts { get; } = new(StringComparer.Ordinal);
    public HashSet<string> WeakConcepts { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> AllConcepts => StrongConcepts.Union(WeakConcepts);

    public bool HasTerm(string language, string term) =>
        StrongTerms[language].Contains(term) || WeakTerms[language].Contains(term);

    /// <summary>1 for strong evidence, <see cref="WeakCredit"/> for weak, 0 when the document does not mention the unit.</summary>
    public double Credit(QueryUnit unit, string language)
    {
        if (unit.IsConcept) return StrongConcepts.Contains(unit.Key) ? 1 : WeakConcepts.Contains(unit.Key) ? WeakCredit : 0;
        return StrongTerms[language].Contains(unit.Key) ? 1 : WeakTerms[language].Contains(unit.Key) ? WeakCredit : 0;
    }

    public static DocumentProfile Of(SearchDocument source, TextAnalysis analysis, ConceptMatcher matcher)
    {
        var profile = new DocumentProfile();
        var strongText = string.Join(" . ", source.Titles.Concat(source.Aliases).Concat(source.Names));
        foreach (var lang in SearchLanguages.All)
        {
            profile.StrongTerms[lang] = analysis.Tokens(lang, strongText).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            profile.WeakTerms[lang] = analysis.Tokens(lang, source.Body).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        }
        foreach (var text in source.Titles.Concat(source.Aliases))
            profile.StrongConcepts.UnionWith(matcher.Match(text, ConceptMatcher.DocumentLanguages).Ids);
        // Names only say which park a document is about: "Vorsino Industrial Park" must not make every field of
        // Vorsino an answer to "how many industrial parks are there?".
        foreach (var name in source.Names)
            profile.StrongConcepts.UnionWith(matcher.Match(name, ConceptMatcher.DocumentLanguages).Ids.Where(id => id.StartsWith(Concept.ParkPrefix, StringComparison.Ordinal)));
        profile.WeakConcepts.UnionWith(matcher.Match(source.Body, ConceptMatcher.DocumentLanguages).Ids.Where(id => !profile.StrongConcepts.Contains(id)));
        return profile;
    }
}
