using KalugaBot.Knowledge.Facts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KalugaBot.Knowledge.Loading;

/// <summary>
/// Loads and validates a knowledge folder: <c>parks/*.yaml</c>, <c>facts/*.yaml</c>, <c>aliases/*.yaml</c>, <c>lexicon.yaml</c>.
/// Collects every problem (file, entry, field, line); a snapshot is returned only when there are none.
/// </summary>
public static class KnowledgeLoader
{
    /// <param name="overrides">Relative path → file content to use instead of the disk (lets the editor validate a change before writing it).</param>
    public static KnowledgeLoadResult Load(string folder, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var problems = new List<KnowledgeProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new KnowledgeProblem(folder, null, null, "the knowledge folder does not exist"));
            return new KnowledgeLoadResult(null, problems);
        }
        var files = KnowledgeFiles.List(folder, overrides);
        var parks = new List<Park>();
        var facts = new List<Fact>();
        var aliases = new List<AliasEntry>();
        var lexicon = Lexicon.Empty;

        foreach (var (relative, content) in files)
        {
            var scope = new YamlScope(relative, null, problems);
            var root = Parse(scope, content);
            if (root is null) continue;
            switch (KnowledgeFiles.KindOf(relative))
            {
                case KnowledgeFileKind.Park: if (ParkReader.Read(scope, root) is { } park) parks.Add(park); break;
                case KnowledgeFileKind.Facts: facts.AddRange(FactReader.Read(scope, root)); break;
                case KnowledgeFileKind.Aliases: aliases.AddRange(AliasFileReader.Read(scope, root)); break;
                case KnowledgeFileKind.Lexicon: lexicon = LexiconReader.Read(scope, root); break;
            }
        }

        CrossReferences.Check(parks, facts, aliases, problems);
        if (problems.Count > 0) return new KnowledgeLoadResult(null, problems);
        (parks, facts) = CrossReferences.MergeAliases(parks, facts, aliases);
        return new KnowledgeLoadResult(new KnowledgeSnapshot(parks, facts, lexicon, Path.GetFullPath(folder), DateTimeOffset.UtcNow), problems);
    }

    /// <summary>The snapshot, or an exception listing every problem (start-up must refuse invalid knowledge).</summary>
    public static KnowledgeSnapshot LoadOrThrow(string folder)
    {
        var result = Load(folder);
        return result.IsValid ? result.Snapshot! : throw new KnowledgeValidationException(folder, result.Problems);
    }

    private static YamlNode? Parse(YamlScope scope, string content)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(content));
            if (stream.Documents.Count == 0) { scope.Report(null, "the file is empty"); return null; }
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            scope.Problems.Add(new KnowledgeProblem(scope.File, null, null, $"not valid YAML: {message}", (int)e.Start.Line));
            return null;
        }
    }
}
