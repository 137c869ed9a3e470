using KalugaBot.Knowledge.Facts;
using YamlDotNet.RepresentationModel;

namespace KalugaBot.Knowledge.Loading;

/// <summary>Reads per-language maps (<c>{en: …, ru: …}</c>) and checks their language keys.</summary>
internal static class LocalizedReader
{
    public static LocalizedText Text(YamlScope scope, YamlNode? node, string field, IEnumerable<string> requiredLanguages)
    {
        var texts = new Dictionary<string, string>();
        if (node is null || node is YamlScalarNode s && YamlScope.IsNull(s))
        {
            var required = requiredLanguages.ToList();
            if (required.Count > 0) scope.Report(field, $"missing (needs {string.Join(", ", required)})");
            return LocalizedText.Empty;
        }
        if (node is not YamlMappingNode map) { scope.Report(field, "must be a map of language: text", node); return LocalizedText.Empty; }
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var language = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!Languages.IsSupported(language)) { scope.Report($"{field}.{language}", $"unknown language (use {string.Join(", ", Languages.All)})", keyNode); continue; }
            if (valueNode is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text)) texts[language] = text.Trim();
            else scope.Report($"{field}.{language}", "must be a non-empty text", valueNode);
        }
        foreach (var language in requiredLanguages.Where(l => !texts.ContainsKey(l) && !map.Children.ContainsKey(new YamlScalarNode(l))))
            scope.Report($"{field}.{language}", "missing language", node);
        return new LocalizedText(texts);
    }

    public static LocalizedList List(YamlScope scope, YamlNode? node, string field)
    {
        var items = new Dictionary<string, IReadOnlyList<string>>();
        if (node is null || node is YamlScalarNode s && YamlScope.IsNull(s)) return LocalizedList.Empty;
        if (node is not YamlMappingNode map) { scope.Report(field, "must be a map of language: [texts]", node); return LocalizedList.Empty; }
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var language = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!Languages.IsSupported(language)) { scope.Report($"{field}.{language}", $"unknown language (use {string.Join(", ", Languages.All)})", keyNode); continue; }
            items[language] = scope.StringList(valueNode, $"{field}.{language}");
        }
        return new LocalizedList(items);
    }
}
