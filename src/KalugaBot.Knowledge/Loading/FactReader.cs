using KalugaBot.Knowledge.Facts;
using YamlDotNet.RepresentationModel;

namespace KalugaBot.Knowledge.Loading;

/// <summary>Reads a <c>facts/&lt;topic&gt;.yaml</c> file: <c>topic</c> and a list of <c>facts</c>.</summary>
internal static class FactReader
{
    private static readonly string[] FileKeys = ["topic", "facts"];
    private static readonly string[] FactKeys = ["id", "topic", "title", "aliases", "entities", "state", "values", "note"];

    public static List<Fact> Read(YamlScope fileScope, YamlNode root)
    {
        var facts = new List<Fact>();
        if (root is not YamlMappingNode map) { fileScope.Report(null, "a fact file must be a map with topic and facts", root); return facts; }
        fileScope.CheckKeys(map, FileKeys);
        var fileTopic = fileScope.String(map, "topic", required: false);
        var list = YamlScope.Get(map, "facts");
        if (list is not YamlSequenceNode seq)
        {
            if (list is not YamlScalarNode { Value: null or "" or "[]" }) fileScope.Report("facts", "must be a list of facts", list ?? map);
            return facts;
        }
        foreach (var node in seq)
            if (One(fileScope, node, fileTopic) is { } fact) facts.Add(fact);
        return facts;
    }

    private static Fact? One(YamlScope fileScope, YamlNode node, string? fileTopic)
    {
        if (node is not YamlMappingNode map) { fileScope.Report("facts", "each fact must be a map (id, title, values, …)", node); return null; }
        var id = fileScope.String(map, "id", required: true);
        var scope = fileScope.ForEntry(id);
        scope.CheckKeys(map, FactKeys);
        var topic = scope.String(map, "topic", required: false) ?? fileTopic;
        if (topic is null) scope.Report("topic", "missing (set it on the fact or at the top of the file)", map);

        var title = LocalizedReader.Text(scope, YamlScope.Get(map, "title"), "title", Languages.All);
        var aliases = LocalizedReader.List(scope, YamlScope.Get(map, "aliases"), "aliases");
        var entities = scope.StringList(YamlScope.Get(map, "entities"), "entities");

        var stateText = scope.String(map, "state", required: false) ?? "known";
        if (!Enum.TryParse<FactState>(stateText, ignoreCase: true, out var state) || stateText.Any(char.IsDigit))
        {
            scope.Report("state", $"'{stateText}' is not known or unknown", YamlScope.Get(map, "state"));
            state = FactState.Known;
        }
        var values = ValueReader.List(scope, YamlScope.Get(map, "values"), "values");
        if (state == FactState.Unknown && YamlScope.Get(map, "values") is YamlSequenceNode { Children.Count: > 0 } v)
            scope.Report("values", "an unknown fact must not have values (it says plainly that nothing is published)", v);
        if (state == FactState.Known && YamlScope.Get(map, "values") is not YamlSequenceNode { Children.Count: > 0 })
            scope.Report("values", "missing (a known fact needs at least one sourced value; use state: unknown otherwise)", map);

        if (id is null || topic is null) return null;
        return new Fact
        {
            Id = id,
            Topic = topic,
            Title = title,
            Aliases = aliases,
            Entities = entities,
            State = state,
            Values = state == FactState.Unknown ? [] : values,
            Note = scope.String(map, "note", required: false),
            File = scope.File,
        };
    }
}
