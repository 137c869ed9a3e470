using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace KalugaBot.Knowledge.Search;

/// <summary>Reads the lexicon file (see knowledge/lexicon.yaml) and names the file, concept and field of every problem.</summary>
public static class LexiconLoader
{
    public static Lexicon LoadFile(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), path);

    public static Lexicon Parse(string yaml, string fileName = "lexicon.yaml")
    {
        LexiconFile? file;
        try
        {
            file = new DeserializerBuilder().Build().Deserialize<LexiconFile>(yaml);
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{fileName}: line {ex.Start.Line}: {ex.Message}", ex);
        }

        var problems = new List<string>();
        var concepts = new List<LexiconConcept>();
        foreach (var (id, entry) in file?.Concepts ?? [])
        {
            var terms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (language, phrasings) in entry?.Terms ?? [])
            {
                if (!SearchLanguages.All.Contains(language))
                    problems.Add($"{fileName}: concept '{id}': unknown language '{language}' (use {string.Join(", ", SearchLanguages.All)})");
                else if (phrasings is null || phrasings.Any(string.IsNullOrWhiteSpace))
                    problems.Add($"{fileName}: concept '{id}': language '{language}' has an empty phrasing");
                else terms[language] = phrasings;
            }
            if (terms.Count == 0) problems.Add($"{fileName}: concept '{id}' has no phrasings");
            var weight = entry?.Weight ?? 1.0;
            if (weight is < 0 or > 5) problems.Add($"{fileName}: concept '{id}': weight {weight} is outside 0..5");
            concepts.Add(new LexiconConcept(id, terms, weight));
        }
        if (problems.Count > 0) throw new InvalidDataException(string.Join(Environment.NewLine, problems));
        return new Lexicon(concepts);
    }

    /// <summary>The file's shape: concepts: { id: { weight: 0.5, en: [..], ru: [..] } }.</summary>
    private sealed class LexiconFile
    {
        [YamlMember(Alias = "concepts")]
        public Dictionary<string, ConceptEntry?>? Concepts { get; set; }
    }

    private sealed class ConceptEntry
    {
        [YamlMember(Alias = "weight")] public double? Weight { get; set; }
        [YamlMember(Alias = "en")] public List<string>? En { get; set; }
        [YamlMember(Alias = "ru")] public List<string>? Ru { get; set; }
        [YamlMember(Alias = "de")] public List<string>? De { get; set; }
        [YamlMember(Alias = "fr")] public List<string>? Fr { get; set; }
        [YamlMember(Alias = "it")] public List<string>? It { get; set; }
        [YamlMember(Alias = "pt")] public List<string>? Pt { get; set; }
        [YamlMember(Alias = "zh")] public List<string>? Zh { get; set; }

        public IEnumerable<(string Language, List<string>? Phrasings)> Terms =>
            new[] { ("en", En), ("ru", Ru), ("de", De), ("fr", Fr), ("it", It), ("pt", Pt), ("zh", Zh) }.Where(t => t.Item2 is not null);
    }
}
