using System.Globalization;
using KalugaBot.Knowledge.Facts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KalugaBot.Knowledge.Loading;

/// <summary>Reads a list of dated, sourced values (<c>- {value, unit, as_of, source, …}</c>).</summary>
internal static class ValueReader
{
    private static readonly string[] Keys = ["value", "unit", "qualifier", "label", "key", "country", "as_of", "source", "source_title", "note"];

    public static List<SourcedValue> List(YamlScope scope, YamlNode? node, string field)
    {
        var values = new List<SourcedValue>();
        if (node is null || node is YamlScalarNode s && YamlScope.IsNull(s)) return values;
        if (node is not YamlSequenceNode seq) { scope.Report(field, "must be a list of values ({value, as_of, source, …})", node); return values; }
        var index = 0;
        foreach (var item in seq)
        {
            var itemField = $"{field}[{index++}]";
            if (item is not YamlMappingNode map) { scope.Report(itemField, "must be a map {value, as_of, source, …}", item); continue; }
            if (One(scope, map, itemField) is { } value) values.Add(value);
        }
        return values;
    }

    private static SourcedValue? One(YamlScope scope, YamlMappingNode map, string field)
    {
        scope.CheckKeys(map, Keys, field);
        var ok = true;
        var valueNode = YamlScope.Get(map, "value");
        var parsed = valueNode is null ? null : Parse(scope, valueNode, $"{field}.value");
        if (valueNode is null) { scope.Report($"{field}.value", "missing", map); ok = false; }
        else if (parsed is null) ok = false;

        var asOfText = scope.String(map, "as_of", required: true, $"{field}.as_of");
        var asOf = AsOf.TryParse(asOfText);
        if (asOfText is null) ok = false;
        else if (asOf is null) { scope.Report($"{field}.as_of", $"'{asOfText}' is not a date (YYYY, YYYY-MM, YYYY-MM-DD, optionally with words, or 'undated …')", YamlScope.Get(map, "as_of")); ok = false; }

        var sourceText = scope.String(map, "source", required: true, $"{field}.source");
        Uri? source = null;
        if (sourceText is null) ok = false;
        else if (!Uri.TryCreate(sourceText, UriKind.Absolute, out source) || source.Scheme is not ("http" or "https") || string.IsNullOrEmpty(source.Host))
        {
            scope.Report($"{field}.source", $"'{sourceText}' is not an http(s) URL", YamlScope.Get(map, "source"));
            ok = false;
        }

        var qualifierText = scope.String(map, "qualifier", required: false, $"{field}.qualifier");
        var qualifier = Qualifier.Exact;
        if (qualifierText is not null && !Enum.TryParse(qualifierText.Replace("_", ""), ignoreCase: true, out qualifier))
        {
            scope.Report($"{field}.qualifier", $"'{qualifierText}' is not one of about, over, up_to, planned", YamlScope.Get(map, "qualifier"));
            ok = false;
        }

        var label = LocalizedReader.Text(scope, YamlScope.Get(map, "label"), $"{field}.label", []);
        var unit = scope.String(map, "unit", required: false, $"{field}.unit");
        if (unit is not null && parsed?.Kind is not ValueKind.Number) scope.Report($"{field}.unit", "a unit needs a numeric value", YamlScope.Get(map, "unit"));
        if (!ok || parsed is null) return null;

        return parsed with
        {
            Unit = unit,
            Qualifier = qualifier,
            Label = label,
            Key = scope.String(map, "key", required: false, $"{field}.key") ?? label.Get(Languages.Default) ?? "",
            Country = scope.String(map, "country", required: false, $"{field}.country"),
            AsOf = asOf!,
            Source = source!,
            SourceTitle = scope.String(map, "source_title", required: false, $"{field}.source_title"),
            Note = scope.String(map, "note", required: false, $"{field}.note"),
            Origin = scope.File,
        };
    }

    /// <summary>Plain numbers are numbers, plain true/false/yes/no are flags, sequences are names, everything else text.</summary>
    private static SourcedValue? Parse(YamlScope scope, YamlNode node, string field)
    {
        var placeholder = AsOf.Parse("undated");
        var none = new Uri("http://invalid");
        switch (node)
        {
            case YamlScalarNode s when YamlScope.IsNull(s) || string.IsNullOrWhiteSpace(s.Value):
                scope.Report(field, "must not be empty (leave the field out when the value is unknown)", node);
                return null;
            case YamlScalarNode { Style: ScalarStyle.Plain } s when decimal.TryParse(s.Value, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number):
                return new SourcedValue { Kind = ValueKind.Number, Number = number, AsOf = placeholder, Source = none };
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" or "yes" or "no" } s:
                return new SourcedValue { Kind = ValueKind.Flag, Flag = s.Value is "true" or "yes", AsOf = placeholder, Source = none };
            case YamlScalarNode s:
                return new SourcedValue { Kind = ValueKind.Text, Text = s.Value!.Trim(), AsOf = placeholder, Source = none };
            case YamlSequenceNode:
                var names = scope.StringList(node, field);
                if (names.Count == 0) { scope.Report(field, "a list of names must not be empty", node); return null; }
                return new SourcedValue { Kind = ValueKind.Names, Names = names, AsOf = placeholder, Source = none };
            default:
                scope.Report(field, "must be a number, a text, a list of names or true/false", node);
                return null;
        }
    }
}
