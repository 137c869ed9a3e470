using YamlDotNet.Serialization;

namespace KalugaBot.Knowledge.Matching.Extraction;

/// <summary>The language data of requirement extraction, from knowledge/matching/lexicon.yaml; loaded and compiled once.</summary>
public sealed class MatchLexicon
{
    public double NearMoscowKm { get; private init; } = 120;
    public IReadOnlyDictionary<string, PhraseSet> Industries { get; private init; } = new Dictionary<string, PhraseSet>();
    public IReadOnlyDictionary<string, PhraseSet> Countries { get; private init; } = new Dictionary<string, PhraseSet>();
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Clusters { get; private init; } = new Dictionary<string, IReadOnlyList<string>>();
    public required PhraseSet Rail { get; init; }
    public required PhraseSet Motorway { get; init; }
    public required PhraseSet Airport { get; init; }
    public required PhraseSet Sez { get; init; }
    public required PhraseSet Gas { get; init; }
    public required PhraseSet Water { get; init; }
    public required PhraseSet Moscow { get; init; }
    public required PhraseSet Near { get; init; }
    public required PhraseSet Preferred { get; init; }
    public required PhraseSet Negation { get; init; }
    public required PhraseSet AtLeast { get; init; }
    public required PhraseSet AtMost { get; init; }
    public required PhraseSet SiteWords { get; init; }
    /// <summary>Words that ask for a site ("need", "looking for", "which park").</summary>
    public required PhraseSet NeedWords { get; init; }

    public static MatchLexicon Load(string file)
    {
        var yaml = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(File.ReadAllText(file))
                   ?? throw new InvalidDataException($"{file} is empty.");
        PhraseSet Set(string key) => new(Words(yaml.GetValueOrDefault(key)));
        IReadOnlyDictionary<string, PhraseSet> Groups(string key) =>
            (yaml.GetValueOrDefault(key) as IDictionary<object, object> ?? new Dictionary<object, object>())
            .ToDictionary(kv => kv.Key.ToString()!, kv => new PhraseSet(Words(kv.Value)), StringComparer.Ordinal);
        return new MatchLexicon
        {
            NearMoscowKm = yaml.GetValueOrDefault("near_moscow_km") is { } km ? double.Parse(km.ToString()!, System.Globalization.CultureInfo.InvariantCulture) : 120,
            Industries = Groups("industries"),
            Countries = Groups("countries"),
            Clusters = (yaml.GetValueOrDefault("clusters") as IDictionary<object, object> ?? new Dictionary<object, object>())
                .ToDictionary(kv => kv.Key.ToString()!, kv => (IReadOnlyList<string>)Words(kv.Value).ToList(), StringComparer.Ordinal),
            Rail = Set("rail"), Motorway = Set("motorway"), Airport = Set("airport"), Sez = Set("sez"), Gas = Set("gas"),
            Water = Set("water"), Moscow = Set("moscow"), Near = Set("near"), Preferred = Set("preferred"),
            Negation = Set("negation"), AtLeast = Set("at_least"), AtMost = Set("at_most"), SiteWords = Set("site_words"), NeedWords = Set("need"),
        };
    }

    /// <summary>The park cluster tags that stand for an industry tag (the tag itself when the lexicon has no mapping).</summary>
    public IReadOnlyList<string> ClustersFor(string industry) => Clusters.TryGetValue(industry, out var tags) ? tags : [industry];

    /// <summary>All words of a node: a list, or a map of language → list.</summary>
    private static IEnumerable<string> Words(object? node) => node switch
    {
        string s => [s],
        IEnumerable<object> list when node is not IDictionary<object, object> => list.SelectMany(Words),
        IDictionary<object, object> map => map.Values.SelectMany(Words),
        _ => [],
    };

    public static string DefaultFile(string? startFolder = null) => Path.Combine(RepoFolder("knowledge", startFolder), "matching", "lexicon.yaml");

    /// <summary>Finds a top-level repository folder upwards from the start folder or the app folder.</summary>
    public static string RepoFolder(string name, string? startFolder = null)
    {
        foreach (var start in new[] { startFolder, AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (Directory.Exists(candidate) && File.Exists(Path.Combine(candidate, "matching", "lexicon.yaml"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException($"Folder '{name}' with matching/lexicon.yaml not found above {startFolder ?? AppContext.BaseDirectory}.");
    }
}
