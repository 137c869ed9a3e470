namespace KalugaBot.Knowledge.Loading;

internal enum KnowledgeFileKind { Park, Facts, Aliases, Lexicon }

/// <summary>Which files of the knowledge folder are read, under which relative names ("parks/vorsino.yaml").</summary>
internal static class KnowledgeFiles
{
    public const string LexiconFile = "lexicon.yaml";

    public static List<(string Relative, string Content)> List(string folder, IReadOnlyDictionary<string, string>? overrides)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var sub in new[] { "parks", "facts", "aliases" })
        {
            var dir = Path.Combine(folder, sub);
            if (!Directory.Exists(dir)) continue;
            foreach (var path in Directory.EnumerateFiles(dir).Where(IsYaml))
                result[$"{sub}/{Path.GetFileName(path)}"] = File.ReadAllText(path);
        }
        var lexicon = Path.Combine(folder, LexiconFile);
        if (File.Exists(lexicon)) result[LexiconFile] = File.ReadAllText(lexicon);
        foreach (var (relative, content) in overrides ?? new Dictionary<string, string>())
            result[relative.Replace('\\', '/')] = content;
        return result.Select(kv => (kv.Key, kv.Value)).ToList();
    }

    public static KnowledgeFileKind KindOf(string relative) => relative switch
    {
        LexiconFile => KnowledgeFileKind.Lexicon,
        _ when relative.StartsWith("parks/", StringComparison.Ordinal) => KnowledgeFileKind.Park,
        _ when relative.StartsWith("aliases/", StringComparison.Ordinal) => KnowledgeFileKind.Aliases,
        _ => KnowledgeFileKind.Facts,
    };

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
