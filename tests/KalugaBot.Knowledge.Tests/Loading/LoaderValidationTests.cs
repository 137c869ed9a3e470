using KalugaBot.Knowledge.Loading;
using Xunit.Abstractions;

namespace KalugaBot.Knowledge.Tests.Loading;

/// <summary>Every kind of problem is reported with the file, the entry id and the field, and loading yields no snapshot.</summary>
public class LoaderValidationTests(ITestOutputHelper output)
{
    /// <summary>(case, file to write, its content, expected file, entry, field, message fragment).</summary>
    public static TheoryData<string, string, string, string, string?, string?, string> Cases => new()
    {
        { "unknown field", "parks/alpha-park.yaml", TempKnowledge.ValidPark + "\nfree_area: 12\n", "parks/alpha-park.yaml", "alpha-park", "free_area", "unknown field" },
        { "unknown value field", "parks/alpha-park.yaml", TempKnowledge.ValidPark.Replace("unit: ha\n    as_of: \"2020", "unit: ha\n    asof: x\n    as_of: \"2020"), "parks/alpha-park.yaml", "alpha-park", "total_area_ha[0].asof", "unknown field" },
        { "missing source", "parks/alpha-park.yaml", TempKnowledge.ValidPark.Replace("    source: https://example.org/alpha-2020\n", ""), "parks/alpha-park.yaml", "alpha-park", "total_area_ha[0].source", "missing" },
        { "missing as_of", "facts/region.yaml", TempKnowledge.ValidFacts.Replace("        as_of: undated\n", ""), "facts/region.yaml", "region-size", "values[0].as_of", "missing" },
        { "bad URL", "facts/region.yaml", TempKnowledge.ValidFacts.Replace("https://example.org/size", "example.org/size"), "facts/region.yaml", "region-size", "values[0].source", "not an http(s) URL" },
        { "ftp URL", "facts/region.yaml", TempKnowledge.ValidFacts.Replace("https://example.org/size", "ftp://example.org/size"), "facts/region.yaml", "region-size", "values[0].source", "not an http(s) URL" },
        { "impossible date", "parks/alpha-park.yaml", TempKnowledge.ValidPark.Replace("2023-05-01", "2023-13-45"), "parks/alpha-park.yaml", "alpha-park", "total_area_ha[1].as_of", "is not a date" },
        { "date without year", "facts/region.yaml", TempKnowledge.ValidFacts.Replace("as_of: undated", "as_of: sometime last spring"), "facts/region.yaml", "region-size", "values[0].as_of", "is not a date" },
        { "duplicate id across files", "facts/more.yaml", "topic: x\nfacts:\n  - id: alpha-park\n    title: {en: a, ru: a, de: a, fr: a, it: a, zh: a, pt: a}\n    state: unknown\n", "facts/more.yaml", "alpha-park", "id", "duplicate id" },
        { "unknown park in entities", "facts/region.yaml", TempKnowledge.ValidFacts.Replace("entities: [alpha-park]", "entities: [beta-park]"), "facts/region.yaml", "region-size", "entities", "unknown park id 'beta-park'" },
        { "unknown parent park", "parks/alpha-park.yaml", TempKnowledge.ValidPark.Replace("clusters:", "parent: sez-nowhere\nclusters:"), "parks/alpha-park.yaml", "alpha-park", "parent", "unknown park id 'sez-nowhere'" },
        { "missing title language", "facts/region.yaml", TempKnowledge.ValidFacts.Replace(", zh: 大小", ""), "facts/region.yaml", "region-size", "title.zh", "missing language" },
        { "missing park name language", "parks/alpha-park.yaml", TempKnowledge.ValidPark.Replace("  ru: Альфа-парк\n", ""), "parks/alpha-park.yaml", "alpha-park", "names.ru", "missing language" },
        { "unknown language", "facts/region.yaml", TempKnowledge.ValidFacts.Replace("aliases:\n      en:", "aliases:\n      xx: [a]\n      en:"), "facts/region.yaml", "region-size", "aliases.xx", "unknown language" },
        { "flag field given a text", "parks/alpha-park.yaml", TempKnowledge.ValidPark.Replace("value: true", "value: maybe"), "parks/alpha-park.yaml", "alpha-park", "rail_siding[0].value", "must be true/false" },
        { "number given as quoted text", "parks/alpha-park.yaml", TempKnowledge.ValidPark.Replace("value: 100\n    unit: ha", "value: \"100\""), "parks/alpha-park.yaml", "alpha-park", "total_area_ha[0].value", "must be a number" },
        { "wrong unit", "parks/alpha-park.yaml", TempKnowledge.ValidPark.Replace("value: 120\n    unit: ha", "value: 120\n    unit: acres"), "parks/alpha-park.yaml", "alpha-park", "total_area_ha[1].unit", "must be 'ha'" },
        { "unit on a text value", "facts/region.yaml", TempKnowledge.ValidFacts.Replace("value: 29900", "value: big"), "facts/region.yaml", "region-size", "values[0].unit", "needs a numeric value" },
        { "unknown benefit code", "parks/alpha-park.yaml", TempKnowledge.ValidPark + "\nbenefits:\n  - value: free_lunch\n    as_of: undated\n    source: https://example.org/b\n", "parks/alpha-park.yaml", "alpha-park", "benefits[0].value", "not one of sez_regime" },
        { "unknown kind", "parks/alpha-park.yaml", TempKnowledge.ValidPark.Replace("kind: industrial_park", "kind: spaceport"), "parks/alpha-park.yaml", "alpha-park", "kind", "'spaceport' is not one of" },
        { "unknown cluster tag", "parks/alpha-park.yaml", TempKnowledge.ValidPark.Replace("[automotive]", "[automotiv]"), "parks/alpha-park.yaml", "alpha-park", "clusters", "unknown cluster tag 'automotiv'" },
        { "id differs from file name", "parks/alpha-park.yaml", TempKnowledge.ValidPark.Replace("id: alpha-park", "id: alpha"), "parks/alpha-park.yaml", "alpha", "id", "must match the file name" },
        { "empty value", "facts/region.yaml", TempKnowledge.ValidFacts.Replace("value: 29900", "value:"), "facts/region.yaml", "region-size", "values[0].value", "must not be empty" },
        { "bad qualifier", "facts/region.yaml", TempKnowledge.ValidFacts.Replace("unit: km2", "unit: km2\n        qualifier: roughly"), "facts/region.yaml", "region-size", "values[0].qualifier", "not one of about" },
        { "unknown state", "facts/region.yaml", TempKnowledge.ValidFacts.Replace("state: unknown", "state: secret"), "facts/region.yaml", "gap-price", "state", "is not known or unknown" },
        { "unknown fact with a number", "facts/region.yaml", TempKnowledge.ValidFacts + "\n    values:\n      - {value: 5, as_of: undated, source: 'https://example.org/p'}\n", "facts/region.yaml", "gap-price", "values", "must not have values" },
        { "known fact without values", "facts/region.yaml", TempKnowledge.ValidFacts.Replace("    state: unknown", ""), "facts/region.yaml", "gap-price", "values", "a known fact needs at least one sourced value" },
        { "missing fact id", "facts/region.yaml", TempKnowledge.ValidFacts.Replace("  - id: region-size\n    title", "  - title"), "facts/region.yaml", null, "id", "missing" },
        { "unknown alias target", "aliases/staff.yaml", "aliases:\n  - {target: nowhere, lang: de, alias: Nirgendwo}\n", "aliases/staff.yaml", "nowhere", "target", "no fact or park with id 'nowhere'" },
        { "alias in an unknown language", "aliases/staff.yaml", "aliases:\n  - {target: alpha-park, lang: xx, alias: A}\n", "aliases/staff.yaml", null, "aliases[0].lang", "unknown language 'xx'" },
        { "lexicon group of one term", "lexicon.yaml", "synonyms:\n  - [alone]\n", "lexicon.yaml", null, "synonyms[0]", "at least two terms" },
        { "not YAML", "facts/broken.yaml", "topic: x\nfacts: [\n  - {", "facts/broken.yaml", null, null, "not valid YAML" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_file_entry_and_field(string name, string file, string content, string expectedFile, string? entry, string? field, string fragment)
    {
        using var folder = new TempKnowledge().Write(file, content);

        var result = KnowledgeLoader.Load(folder.Folder);

        foreach (var p in result.Problems) output.WriteLine($"{name}: {p}");
        Assert.False(result.IsValid);
        Assert.Null(result.Snapshot);
        Assert.Contains(result.Problems, p =>
            p.File == expectedFile && p.EntryId == entry && p.Field == field && p.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void The_valid_base_folder_loads()
    {
        using var folder = new TempKnowledge();

        var result = KnowledgeLoader.Load(folder.Folder);

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        Assert.Single(result.Snapshot!.Parks);
        Assert.Equal(2, result.Snapshot.Facts.Count);
    }

    [Fact]
    public void Collects_every_problem_not_just_the_first()
    {
        using var folder = new TempKnowledge()
            .Write("facts/region.yaml", TempKnowledge.ValidFacts.Replace("https://example.org/size", "nope").Replace(", pt: Tamanho", ""))
            .Write("parks/alpha-park.yaml", TempKnowledge.ValidPark.Replace("2023-05-01", "someday"));

        var problems = KnowledgeLoader.Load(folder.Folder).Problems;

        foreach (var p in problems) output.WriteLine(p.ToString());
        Assert.Contains(problems, p => p.Field == "values[0].source");
        Assert.Contains(problems, p => p.Field == "title.pt");
        Assert.Contains(problems, p => p.Field == "total_area_ha[1].as_of" && p.File == "parks/alpha-park.yaml");
    }

    [Fact]
    public void Problem_text_names_file_line_entry_and_field()
    {
        using var folder = new TempKnowledge().Write("facts/region.yaml", TempKnowledge.ValidFacts.Replace("https://example.org/size", "nope"));

        var problem = Assert.Single(KnowledgeLoader.Load(folder.Folder).Problems);

        Assert.NotNull(problem.Line);
        Assert.StartsWith($"facts/region.yaml:{problem.Line} [region-size] values[0].source:", problem.ToString());
    }

    [Fact]
    public void A_missing_folder_is_a_problem_not_an_exception()
    {
        var result = KnowledgeLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-knowledge-" + Guid.NewGuid()));

        Assert.False(result.IsValid);
        Assert.Contains("does not exist", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void LoadOrThrow_lists_every_problem_in_the_exception()
    {
        using var folder = new TempKnowledge().Write("facts/region.yaml", TempKnowledge.ValidFacts.Replace("https://example.org/size", "nope").Replace(", pt: Tamanho", ""));

        var error = Assert.Throws<KnowledgeValidationException>(() => KnowledgeLoader.LoadOrThrow(folder.Folder));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("values[0].source", error.Message);
        Assert.Contains("title.pt", error.Message);
    }
}
