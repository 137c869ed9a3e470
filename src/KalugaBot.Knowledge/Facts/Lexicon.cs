namespace KalugaBot.Knowledge.Facts;

/// <summary>Domain synonyms across languages (knowledge/lexicon.yaml): each group is a set of interchangeable terms.</summary>
public sealed class Lexicon
{
    public static readonly Lexicon Empty = new([]);

    public Lexicon(IReadOnlyList<IReadOnlyList<string>> groups) => Groups = groups;

    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    /// <summary>Every term that shares a group with <paramref name="term"/> (case-insensitive), including itself.</summary>
    public IEnumerable<string> SynonymsOf(string term) =>
        Groups.Where(g => g.Contains(term, StringComparer.OrdinalIgnoreCase)).SelectMany(g => g).Distinct(StringComparer.OrdinalIgnoreCase);
}
