namespace KalugaBot.Knowledge.Facts;

/// <summary>One consistent, validated version of the knowledge folder. Immutable: a reload makes a new snapshot.</summary>
public sealed class KnowledgeSnapshot
{
    public static readonly KnowledgeSnapshot Empty = new([], [], Lexicon.Empty, "", DateTimeOffset.MinValue);

    public KnowledgeSnapshot(IReadOnlyList<Park> parks, IReadOnlyList<Fact> facts, Lexicon lexicon, string folder, DateTimeOffset loadedAt)
    {
        Parks = parks;
        Facts = facts;
        Lexicon = lexicon;
        Folder = folder;
        LoadedAt = loadedAt;
        ParksById = parks.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        FactsById = facts.ToDictionary(f => f.Id, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Park> Parks { get; }
    public IReadOnlyList<Fact> Facts { get; }
    public Lexicon Lexicon { get; }
    public string Folder { get; }
    public DateTimeOffset LoadedAt { get; }
    public IReadOnlyDictionary<string, Park> ParksById { get; }
    public IReadOnlyDictionary<string, Fact> FactsById { get; }

    public Park? Park(string id) => ParksById.GetValueOrDefault(id);
    public Fact? Fact(string id) => FactsById.GetValueOrDefault(id);

    /// <summary>Facts that name the park among their entities.</summary>
    public IEnumerable<Fact> FactsAbout(string parkId) =>
        Facts.Where(f => f.Entities.Contains(parkId, StringComparer.OrdinalIgnoreCase));
}
