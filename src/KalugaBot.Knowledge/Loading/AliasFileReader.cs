using KalugaBot.Knowledge.Facts;
using YamlDotNet.RepresentationModel;

namespace KalugaBot.Knowledge.Loading;

/// <summary>One alias added by staff for a fact or park (<c>aliases/*.yaml</c>).</summary>
public sealed record AliasEntry(string Target, string Language, string Alias, string File);

/// <summary>Reads <c>aliases/*.yaml</c>: <c>aliases: [{target, lang, alias}]</c>.</summary>
internal static class AliasFileReader
{
    public static List<AliasEntry> Read(YamlScope scope, YamlNode root)
    {
        var entries = new List<AliasEntry>();
        if (root is not YamlMappingNode map) { scope.Report(null, "an alias file must be a map with aliases", root); return entries; }
        scope.CheckKeys(map, ["aliases"]);
        if (YamlScope.Get(map, "aliases") is not YamlSequenceNode seq) return entries;
        var index = 0;
        foreach (var node in seq)
        {
            var field = $"aliases[{index++}]";
            if (node is not YamlMappingNode item) { scope.Report(field, "must be a map {target, lang, alias}", node); continue; }
            scope.CheckKeys(item, ["target", "lang", "alias"], field);
            var target = scope.String(item, "target", required: true, $"{field}.target");
            var language = scope.String(item, "lang", required: true, $"{field}.lang");
            var alias = scope.String(item, "alias", required: true, $"{field}.alias");
            if (language is not null && !Languages.IsSupported(language))
            {
                scope.Report($"{field}.lang", $"unknown language '{language}' (use {string.Join(", ", Languages.All)})", item);
                continue;
            }
            if (target is not null && language is not null && alias is not null) entries.Add(new AliasEntry(target, language, alias, scope.File));
        }
        return entries;
    }
}
