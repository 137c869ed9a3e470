namespace KalugaBot.Knowledge.Search;

/// <summary>
/// The domain synonym lexicon: each concept names one thing in every language ("hectare": hectares, га, Hektar, ettari, 公顷).
/// Queries and documents are both tagged with the concepts they mention, so a question in one language meets a fact
/// written in another.
/// </summary>
public sealed class Lexicon
{
    public Lexicon(IEnumerable<LexiconConcept> concepts) => Concepts = concepts.ToList();

    public IReadOnlyList<LexiconConcept> Concepts { get; }

    public static readonly Lexicon Empty = new([]);

    /// <summary>This lexicon plus more concepts (e.g. the names of parks taken from the knowledge base); same ids merge.</summary>
    public Lexicon With(IEnumerable<LexiconConcept> more)
    {
        var merged = Concepts.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var concept in more)
            merged[concept.Id] = merged.TryGetValue(concept.Id, out var existing) ? existing.Merge(concept) : concept;
        return new Lexicon(merged.Values);
    }
}

/// <param name="Id">A stable name ("sez", "hectare", "park:vorsino").</param>
/// <param name="Terms">Phrasings per language code (en, ru, de, fr, it, pt, zh).</param>
/// <param name="Weight">How much the concept says about what is asked: question words and "Kaluga" little, "customs" a lot.</param>
public sealed record LexiconConcept(string Id, IReadOnlyDictionary<string, IReadOnlyList<string>> Terms, double Weight = 1.0)
{
    public LexiconConcept Merge(LexiconConcept other)
    {
        var terms = Terms.ToDictionary(t => t.Key, t => t.Value.ToList());
        foreach (var (language, phrasings) in other.Terms)
        {
            if (!terms.TryGetValue(language, out var list)) terms[language] = list = [];
            list.AddRange(phrasings.Where(p => !list.Contains(p, StringComparer.OrdinalIgnoreCase)));
        }
        return this with { Terms = terms.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)t.Value) };
    }
}
