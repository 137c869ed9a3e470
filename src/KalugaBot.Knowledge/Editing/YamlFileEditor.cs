using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KalugaBot.Knowledge.Editing;

/// <summary>Appends entries to the machine-owned staff files (they are rewritten whole, so comments there are not kept).</summary>
internal static class YamlFileEditor
{
    /// <summary>The file's root map with a list under <paramref name="listKey"/> (created when missing) and that list.</summary>
    public static (YamlStream Stream, YamlSequenceNode List) Open(string path, string listKey, IDictionary<string, string> header)
    {
        var stream = new YamlStream();
        if (File.Exists(path)) stream.Load(new StringReader(File.ReadAllText(path)));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode)
        {
            stream = new YamlStream(new YamlDocument(new YamlMappingNode()));
        }
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var (key, value) in header)
            if (!root.Children.ContainsKey(new YamlScalarNode(key))) root.Add(key, Quoted(value));
        if (!root.Children.TryGetValue(new YamlScalarNode(listKey), out var node) || node is not YamlSequenceNode list)
        {
            list = new YamlSequenceNode();
            root.Children[new YamlScalarNode(listKey)] = list;
        }
        return (stream, list);
    }

    public static string Render(YamlStream stream)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>Writes via a temporary file so a crash never leaves a half-written knowledge file.</summary>
    public static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, content, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    public static YamlScalarNode Quoted(string text) => new(text) { Style = ScalarStyle.DoubleQuoted };

    public static YamlScalarNode Plain(string text) => new(text) { Style = ScalarStyle.Plain };

    public static YamlMappingNode PerLanguage(IReadOnlyDictionary<string, string> texts)
    {
        var map = new YamlMappingNode();
        foreach (var (language, text) in texts) map.Add(language, Quoted(text));
        return map;
    }
}
