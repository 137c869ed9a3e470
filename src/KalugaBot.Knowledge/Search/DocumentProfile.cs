namespace KalugaBot.Knowledge.Search;

/// <summary>
/// What a document mentions, per question language, for measuring how much of a question it covers: analysed terms
/// and concepts, split into strong evidence (titles, aliases, park names) and weak evidence (values and labels).
/// </summary>
internal sealed class DocumentProfile
{
    /// <summary>Credit for a question unit found only among the document's values and labels.</summary>
    public const double WeakCredit = 0.5;

    private readonly Dictionary<string, Evidence> _byLanguage = new(StringComparer.Ordinal);

    public Evidence For(string language) => _byLanguage[language];

    public bool HasTerm(string language, string term) => For(language).StrongTerms.Contains(term) || For(language).WeakTerms.Contains(term);

    /// <summary>1 for strong evidence, <see cref="WeakCredit"/> for weak, 0 when the document does not mention the unit.</summary>
    public double Credit(QueryUnit unit, string language)
    {
        var e = For(language);
        var (strong, weak) = unit.IsConcept ? (e.StrongConcepts, e.WeakConcepts) : (e.StrongTerms, e.WeakTerms);
        return strong.Contains(unit.Key) ? 1 : weak.Contains(unit.Key) ? WeakCredit : 0;
    }

    public static DocumentProfile Of(SearchDocument source, BuildCache cache)
    {
        var profile = new DocumentProfile();
        var all = ConceptMatcher.DocumentLanguages;
        // Neutral texts may be in any language; names only say which park a document is about ("Vorsino Industrial
        // Park" must not make every Vorsino field an answer to "how many industrial parks are there?").
        var names = BuildCache.Join(source.Names);
        var neutralStrong = cache.Concepts(BuildCache.Join(source.Titles.Neutral.Concat(source.Aliases.Neutral)), all)
            .Concat(cache.Concepts(names, all).Where(id => id.StartsWith(Concept.ParkPrefix, StringComparison.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);
        var neutralWeak = cache.Concepts(BuildCache.Join(source.Body.Neutral), all);

        foreach (var lang in SearchLanguages.All)
        {
            var languages = ConceptMatcher.QueryLanguages(lang);
            var titles = BuildCache.Join(source.Titles.For(lang));
            var aliases = BuildCache.Join(source.Aliases.For(lang));
            var body = BuildCache.Join(source.Body.For(lang));
            var strongConcepts = Compact(cache, cache.Concepts(BuildCache.Join(source.Titles.Localized(lang).Concat(source.Aliases.Localized(lang))), languages)
                .Concat(neutralStrong));
            var weakConcepts = Compact(cache, cache.Concepts(BuildCache.Join(source.Body.Localized(lang)), languages).Concat(neutralWeak)
                .Where(id => !strongConcepts.Contains(id)));
            profile._byLanguage[lang] = new Evidence(Terms(cache, lang, titles, aliases, names), Terms(cache, lang, body), strongConcepts, weakConcepts);
        }
        return profile;
    }

    // SortedStringSet.Of drops duplicates itself; the cache shares one instance of each string across all profiles.
    private static SortedStringSet Compact(BuildCache cache, IEnumerable<string> items) => SortedStringSet.Of(items, cache.Intern);

    private static SortedStringSet Terms(BuildCache cache, string language, params string[] texts) =>
        Compact(cache, texts.SelectMany(t => cache.Tokens(language, t)).Select(t => t.Term));

    internal sealed record Evidence(SortedStringSet StrongTerms, SortedStringSet WeakTerms, SortedStringSet StrongConcepts, SortedStringSet WeakConcepts)
    {
        // Disjoint by construction (weak concepts leave out the strong ones), so no set is needed to join them.
        public IEnumerable<string> AllConcepts => StrongConcepts.Concat(WeakConcepts);
    }
}
