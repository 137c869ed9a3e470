using KalugaBot.Knowledge.Facts;

namespace KalugaBot.Matching.Tests.Scoring;

/// <summary>Random but reproducible knowledge snapshots (from a seed) with gaps, conflicting dated values and plans.</summary>
public static class RandomKnowledge
{
    private static readonly string[] Clusters = ["automotive", "pharma", "logistics", "wood", "food", "metals", "multi_sector", "medical", "agro"];
    private static readonly Uri Source = new("https://example.org/dossier");

    public static KnowledgeSnapshot Create(int seed, int parks = 12)
    {
        var random = new Random(seed);
        var list = Enumerable.Range(0, parks).Select(i => Park(random, $"p{i:D2}")).ToList();
        return new KnowledgeSnapshot(list, [], Lexicon.Empty, "", DateTimeOffset.UnixEpoch);
    }

    public static KnowledgeSnapshot Shuffled(KnowledgeSnapshot knowledge, int seed)
    {
        var random = new Random(seed);
        var parks = knowledge.Parks.OrderBy(_ => random.Next()).ToList();
        return new KnowledgeSnapshot(parks, knowledge.Facts, knowledge.Lexicon, knowledge.Folder, knowledge.LoadedAt);
    }

    private static Park Park(Random random, string id)
    {
        var fields = new Dictionary<string, ValueHistory>();
        void Maybe(string field, Func<SourcedValue> make)
        {
            if (random.Next(3) == 0) return; // about a third of the fields unknown
            fields[field] = new ValueHistory(field, Enumerable.Range(0, random.Next(1, 3)).Select(_ => make()));
        }
        Maybe(ParkFields.TotalAreaHa, () => Number(random, random.Next(5, 1500), "ha"));
        Maybe(ParkFields.FreeAreaHa, () => Number(random, random.Next(0, 400), "ha"));
        Maybe(ParkFields.DistanceToMoscowKm, () => Number(random, random.Next(40, 400), "km"));
        Maybe(ParkFields.PowerMw, () => Number(random, random.Next(1, 150), "MW"));
        Maybe(ParkFields.RailSiding, () => Flag(random));
        Maybe(ParkFields.CustomsZone, () => Flag(random));
        Maybe(ParkFields.Motorway, () => new SourcedValue { Kind = ValueKind.Text, Text = "M3", AsOf = Date(random), Source = Source });
        return new Park
        {
            Id = id,
            Kind = (ParkKind)random.Next(Enum.GetValues<ParkKind>().Length),
            Names = new LocalizedText(new Dictionary<string, string> { ["en"] = "Park " + id, ["ru"] = "Парк " + id }),
            Clusters = Clusters.Where(_ => random.Next(4) == 0).ToList(),
            Fields = fields,
        };
    }

    private static SourcedValue Number(Random random, int value, string unit) => new()
    {
        Kind = ValueKind.Number, Number = value, Unit = unit, AsOf = Date(random), Source = Source,
        Qualifier = random.Next(6) switch { 0 => Qualifier.Planned, 1 => Qualifier.About, 2 => Qualifier.Over, _ => Qualifier.Exact },
    };

    private static SourcedValue Flag(Random random) => new() { Kind = ValueKind.Flag, Flag = random.Next(3) > 0, AsOf = Date(random), Source = Source };

    private static AsOf Date(Random random) =>
        random.Next(4) == 0 ? AsOf.Parse("undated") : AsOf.Parse($"{random.Next(2005, 2026)}-{random.Next(1, 13):D2}-01");
}
