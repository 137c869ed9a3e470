using YamlDotNet.RepresentationModel;

namespace KalugaBot.Knowledge.Loading;

/// <summary>Reads YAML nodes of one file/entry and records problems with file, entry id, field and line.</summary>
internal sealed class YamlScope(string file, string? entryId, List<KnowledgeProblem> problems)
{
    public string File => file;
    public string? EntryId => entryId;
    public List<KnowledgeProblem> Problems => problems;

    public YamlScope ForEntry(string? id) => new(file, id, problems);

    public void Report(string? field, string message, YamlNode? node = null) =>
        problems.Add(new KnowledgeProblem(file, entryId, field, message, node is null ? null : (int)node.Start.Line));

    /// <summary>Reports every key of <paramref name="map"/> not in <paramref name="allowed"/> (typos must not silently drop data).</summary>
    public void CheckKeys(YamlMappingNode map, IEnumerable<string> allowed, string? prefix = null)
    {
        var set = allowed.ToHashSet(StringComparer.Ordinal);
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!set.Contains(name)) Report(Join(prefix, name), $"unknown field (allowed: {string.Join(", ", set.Order())})", key);
        }
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>A non-empty scalar string, or null (reported when required or when the node is not a scalar).</summary>
    public string? String(YamlMappingNode map, string key, bool required, string? field = null)
    {
        field ??= key;
        var node = Get(map, key);
        if (node is null)
        {
            if (required) Report(field, "missing", map);
            return null;
        }
        if (node is not YamlScalarNode scalar) { Report(field, "must be a single text value", node); return null; }
        if (string.IsNullOrWhiteSpace(scalar.Value) || IsNull(scalar))
        {
            if (required) Report(field, "must not be empty", node);
            return null;
        }
        return scalar.Value!.Trim();
    }

    /// <summary>A list of non-empty strings; a single scalar is accepted as a one-item list.</summary>
    public List<string> StringList(YamlNode? node, string field)
    {
        var result = new List<string>();
        switch (node)
        {
            case null: break;
            case YamlScalarNode s when IsNull(s): break;
            case YamlScalarNode s: result.Add(s.Value!.Trim()); break;
            case YamlSequenceNode seq:
                foreach (var item in seq)
                {
                    if (item is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)) result.Add(v.Trim());
                    else Report(field, "items must be non-empty text", item);
                }
                break;
            default: Report(field, "must be a list of texts", node); break;
        }
        return result;
    }

    public static bool IsNull(YamlScalarNode s) =>
        s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value is null or "" or "~" or "null";

    public static string Join(string? prefix, string name) => prefix is null ? name : $"{prefix}.{name}";
}
