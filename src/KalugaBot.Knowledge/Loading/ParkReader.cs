using KalugaBot.Knowledge.Facts;
using YamlDotNet.RepresentationModel;

namespace KalugaBot.Knowledge.Loading;

/// <summary>Reads one <c>parks/&lt;id&gt;.yaml</c> record.</summary>
internal static class ParkReader
{
    private static readonly string[] RecordKeys = ["id", "kind", "names", "aliases", "parent", "clusters"];

    public static Park? Read(YamlScope fileScope, YamlNode root)
    {
        if (root is not YamlMappingNode map) { fileScope.Report(null, "a park file must be a map (id, kind, names, …)", root); return null; }
        var id = fileScope.String(map, "id", required: true);
        var scope = fileScope.ForEntry(id);
        scope.CheckKeys(map, RecordKeys.Concat(ParkFields.Specs.Keys));
        var expectedId = Path.GetFileNameWithoutExtension(scope.File);
        if (id is not null && !string.Equals(id, expectedId, StringComparison.Ordinal))
            scope.Report("id", $"must match the file name '{expectedId}'", YamlScope.Get(map, "id"));

        var kindText = scope.String(map, "kind", required: true);
        ParkKind kind = default;
        var kindOk = kindText is not null && Enum.TryParse(kindText.Replace("_", ""), ignoreCase: true, out kind) && !kindText.Any(char.IsDigit);
        if (kindText is not null && !kindOk)
            scope.Report("kind", $"'{kindText}' is not one of industrial_park, sez_site, logistics, technopark, agro, tor", YamlScope.Get(map, "kind"));

        var names = LocalizedReader.Text(scope, YamlScope.Get(map, "names"), "names", ["en", "ru"]);
        var aliases = LocalizedReader.List(scope, YamlScope.Get(map, "aliases"), "aliases");
        var clusters = scope.StringList(YamlScope.Get(map, "clusters"), "clusters");
        foreach (var tag in clusters.Where(t => !ClusterTags.Known.Contains(t)))
            scope.Report("clusters", $"unknown cluster tag '{tag}' (known: {string.Join(", ", ClusterTags.Known)})", YamlScope.Get(map, "clusters"));

        var fields = new Dictionary<string, ValueHistory>();
        foreach (var (name, spec) in ParkFields.Specs)
        {
            var node = YamlScope.Get(map, name);
            if (node is null) continue;
            var values = ValueReader.List(scope, node, name);
            foreach (var (value, i) in values.Select((v, i) => (v, i)))
            {
                if (!spec.Kinds.Contains(value.Kind))
                    scope.Report($"{name}[{i}].value", $"must be {string.Join(" or ", spec.Kinds.Select(Describe))}, not {Describe(value.Kind)}", node);
                else if (spec.Unit is not null && !string.Equals(value.Unit, spec.Unit, StringComparison.Ordinal))
                    scope.Report($"{name}[{i}].unit", $"must be '{spec.Unit}'", node);
                if (name == ParkFields.Benefits && value.Kind == ValueKind.Text && !ParkFields.BenefitCodes.Contains(value.Text))
                    scope.Report($"{name}[{i}].value", $"'{value.Text}' is not one of {string.Join(", ", ParkFields.BenefitCodes)}", node);
            }
            if (values.Count > 0) fields[name] = new ValueHistory(name, values);
        }

        if (id is null || !kindOk) return null;
        return new Park
        {
            Id = id,
            Kind = kind,
            Names = names,
            Aliases = aliases,
            Parent = scope.String(map, "parent", required: false),
            Clusters = clusters,
            Fields = fields,
            File = scope.File,
        };
    }

    private static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Number => "a number",
        ValueKind.Flag => "true/false",
        ValueKind.Names => "a list of names",
        _ => "a text",
    };
}
