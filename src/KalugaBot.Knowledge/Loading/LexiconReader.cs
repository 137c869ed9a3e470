using KalugaBot.Knowledge.Facts;
using YamlDotNet.RepresentationModel;

namespace KalugaBot.Knowledge.Loading;

/// <summary>Reads <c>lexicon.yaml</c>: <c>synonyms</c>, a list of term groups.</summary>
internal static class LexiconReader
{
    public static Lexicon Read(YamlScope scope, YamlNode root)
    {
        if (root is not YamlMappingNode map) { scope.Report(null, "the lexicon must be a map with synonyms", root); return Lexicon.Empty; }
        scope.CheckKeys(map, ["synonyms"]);
        var groups = new List<IReadOnlyList<string>>();
        if (YamlScope.Get(map, "synonyms") is not YamlSequenceNode seq) return Lexicon.Empty;
        var index = 0;
        foreach (var group in seq)
        {
            var terms = scope.StringList(group, $"synonyms[{index}]");
            if (group is not YamlSequenceNode || terms.Count < 2) scope.Report($"synonyms[{index}]", "a synonym group must list at least two terms", group);
            else groups.Add(terms.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
            index++;
        }
        return new Lexicon(groups);
    }
}
