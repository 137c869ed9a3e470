using System.Text;
using YamlDotNet.Serialization;

namespace KalugaBot.Testing.Evaluation;

/// <summary>A question set in the format of shared/eval/dev-questions.yaml.</summary>
public sealed class EvaluationSet
{
    [YamlMember(Alias = "cases")]
    public List<EvaluationCase> Cases { get; set; } = [];

    public static EvaluationSet Load(string path)
    {
        var set = new DeserializerBuilder().IgnoreUnmatchedProperties().Build()
            .Deserialize<EvaluationSet>(File.ReadAllText(path, Encoding.UTF8)) ?? new EvaluationSet();
        var problems = set.Cases.Select((c, i) => c.Problem(i)).OfType<string>().ToList();
        if (problems.Count > 0) throw new InvalidDataException($"{path}: {string.Join("; ", problems)}");
        return set;
    }

    /// <summary>The default set: <c>&lt;repo&gt;/../shared/eval/dev-questions.yaml</c>, looked up from the given folders upwards.</summary>
    public static string FindDefault(params string?[] startFolders)
    {
        const string relative = "shared/eval/dev-questions.yaml";
        foreach (var start in startFolders.Where(s => !string.IsNullOrEmpty(s)).Append(AppContext.BaseDirectory).Append(Directory.GetCurrentDirectory()))
        {
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
            {
                // The repository (the folder with the solution) has shared/ BESIDE it; also accept shared/ inside.
                if (dir.EnumerateFiles("KalugaBot.sln").Any() && dir.Parent is { } parent && File.Exists(Path.Combine(parent.FullName, relative)))
                    return Path.Combine(parent.FullName, relative);
                if (File.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
            }
        }
        throw new FileNotFoundException($"No {relative} found beside the repository; pass the question file's path.");
    }
}

public sealed class EvaluationCase
{
    [YamlMember(Alias = "id")] public string Id { get; set; } = "";
    [YamlMember(Alias = "lang")] public string Lang { get; set; } = "en";
    [YamlMember(Alias = "kind")] public string Kind { get; set; } = "fact";
    [YamlMember(Alias = "ask")] public string Ask { get; set; } = "";
    [YamlMember(Alias = "expect_any")] public List<string> ExpectAny { get; set; } = [];
    [YamlMember(Alias = "expect_all")] public List<string> ExpectAll { get; set; } = [];
    [YamlMember(Alias = "expect_none")] public List<string> ExpectNone { get; set; } = [];

    public override string ToString() => $"{Id} [{Lang}/{Kind}] {Ask}";

    internal string? Problem(int index)
    {
        if (string.IsNullOrWhiteSpace(Id)) return $"case #{index + 1} has no id";
        if (string.IsNullOrWhiteSpace(Ask)) return $"case {Id} has no 'ask'";
        foreach (var pattern in ExpectAny.Concat(ExpectAll).Concat(ExpectNone))
        {
            try { _ = new System.Text.RegularExpressions.Regex(pattern); }
            catch (ArgumentException ex) { return $"case {Id}: bad regex '{pattern}': {ex.Message}"; }
        }
        return null;
    }
}
