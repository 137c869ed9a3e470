using KalugaBot.Knowledge.Editing;
using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Loading;
using KalugaBot.Knowledge.Store;
using Xunit.Abstractions;

namespace KalugaBot.Knowledge.Tests.Editing;

public class KnowledgeEditorTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Titles = new()
    {
        ["en"] = "Number of SEZ residents", ["ru"] = "Число резидентов ОЭЗ", ["de"] = "Zahl der SWZ-Residenten", ["fr"] = "Nombre de résidents",
        ["it"] = "Numero di residenti", ["zh"] = "入驻企业数量", ["pt"] = "Número de residentes",
    };

    private static FactDraft Draft(string id = "staff-residents") => new()
    {
        Id = id, Topic = "sez", Titles = Titles,
        Aliases = new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["how many residents"] },
        Entities = ["alpha-park"],
        Value = "30", Unit = "residents", Label = new Dictionary<string, string> { ["en"] = "residents: \"quoted\" and #hash" },
        Source = "https://gtrk-kaluga.ru/news/ekonomika/news-45093", SourceTitle = "GTRK Kaluga", AsOf = "2023-12-19",
    };

    [Fact]
    public async Task Adds_an_alias_to_a_park_writes_yaml_and_reloads()
    {
        using var folder = new TempKnowledge();
        var store = new KnowledgeStore(folder.Folder);
        var changed = 0;
        store.Changed += (_, _) => changed++;

        var result = await new KnowledgeEditor(store).AddAliasAsync("alpha-park", "it", "Parco Alfa");

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Contains("Parco Alfa", store.Current.Park("alpha-park")!.Aliases.Get("it"));
        Assert.Contains("Alphapark", store.Current.Park("alpha-park")!.Aliases.Get("de"));
        Assert.Equal(1, changed);
        output.WriteLine(File.ReadAllText(folder.PathOf(KnowledgeEditor.AliasFile)));
        Assert.True(KnowledgeLoader.Load(folder.Folder).IsValid);
    }

    [Fact]
    public async Task Adds_aliases_to_facts_one_after_another()
    {
        using var folder = new TempKnowledge();
        var store = new KnowledgeStore(folder.Folder);
        var editor = new KnowledgeEditor(store);

        Assert.True((await editor.AddAliasAsync("region-size", "de", "Wie groß ist die Region?")).Succeeded);
        Assert.True((await editor.AddAliasAsync("region-size", "zh", "地区面积")).Succeeded);

        var aliases = store.Current.Fact("region-size")!.Aliases;
        Assert.Contains("Wie groß ist die Region?", aliases.Get("de"));
        Assert.Contains("地区面积", aliases.Get("zh"));
        Assert.Contains("how big is the region", aliases.Get("en"));
    }

    [Fact]
    public async Task Adds_a_fact_that_survives_a_fresh_load()
    {
        using var folder = new TempKnowledge();
        var store = new KnowledgeStore(folder.Folder);

        var result = await new KnowledgeEditor(store).AddFactAsync(Draft());

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        output.WriteLine(File.ReadAllText(folder.PathOf(KnowledgeEditor.FactFile)));
        var fact = KnowledgeLoader.LoadOrThrow(folder.Folder).Fact("staff-residents")!;
        Assert.Equal("sez", fact.Topic);
        Assert.Equal(ValueKind.Number, fact.Newest!.Kind);
        Assert.Equal(30, fact.Newest.Number);
        Assert.Equal("2023-12-19", fact.Newest.AsOf.Text);
        Assert.Equal("GTRK Kaluga", fact.Newest.SourceName);
        Assert.Equal("residents: \"quoted\" and #hash", fact.Newest.Label.Get("en"));
        Assert.Equal("入驻企业数量", fact.Title.Get("zh"));
    }

    [Fact]
    public async Task Text_values_that_look_like_flags_stay_text()
    {
        using var folder = new TempKnowledge();
        var store = new KnowledgeStore(folder.Folder);

        var result = await new KnowledgeEditor(store).AddFactAsync(Draft() with { Value = "no", Unit = null });

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(ValueKind.Text, store.Current.Fact("staff-residents")!.Newest!.Kind);
    }

    public static TheoryData<string, Func<FactDraft, FactDraft>, string> InvalidDrafts => new()
    {
        { "values[0].source", d => d with { Source = "gtrk-kaluga.ru/news" }, "not an http(s) URL" },
        { "values[0].as_of", d => d with { AsOf = "recently" }, "is not a date" },
        { "title.pt", d => d with { Titles = Titles.Where(t => t.Key != "pt").ToDictionary() }, "missing language" },
        { "id", d => d with { Id = "alpha-park" }, "duplicate id" },
        { "entities", d => d with { Entities = ["no-such-park"] }, "unknown park id" },
        { "values[0].value", d => d with { Value = " " }, "must not be empty" },
    };

    [Theory]
    [MemberData(nameof(InvalidDrafts))]
    public async Task Invalid_draft_is_rejected_with_problems_and_nothing_changes(string field, Func<FactDraft, FactDraft> spoil, string fragment)
    {
        using var folder = new TempKnowledge();
        var store = new KnowledgeStore(folder.Folder);
        var before = store.Current;
        var filesBefore = Snapshot(folder.Folder);

        var result = await new KnowledgeEditor(store).AddFactAsync(spoil(Draft()));

        foreach (var p in result.Problems) output.WriteLine(p.ToString());
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Field == field && p.Message.Contains(fragment));
        Assert.Equal(filesBefore, Snapshot(folder.Folder));
        Assert.Same(before, store.Current);
    }

    [Theory]
    [InlineData("no-such-id", "de", "X", "target")]
    [InlineData("alpha-park", "xx", "X", "aliases[0].lang")]
    [InlineData("alpha-park", "de", "", "alias")]
    [InlineData("alpha-park", "de", "two\nlines", "alias")]
    public async Task Invalid_alias_is_rejected_and_nothing_changes(string target, string language, string alias, string field)
    {
        using var folder = new TempKnowledge();
        var store = new KnowledgeStore(folder.Folder);
        var filesBefore = Snapshot(folder.Folder);

        var result = await new KnowledgeEditor(store).AddAliasAsync(target, language, alias);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Field == field);
        Assert.Equal(filesBefore, Snapshot(folder.Folder));
    }

    [Fact]
    public async Task A_folder_broken_by_hand_blocks_edits_until_fixed()
    {
        using var folder = new TempKnowledge();
        var store = new KnowledgeStore(folder.Folder);
        folder.Write("parks/alpha-park.yaml", TempKnowledge.ValidPark.Replace("2023-05-01", "later"));

        var result = await new KnowledgeEditor(store).AddAliasAsync("alpha-park", "fr", "Parc Alpha");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.File == "parks/alpha-park.yaml" && p.Field == "total_area_ha[1].as_of");
        Assert.False(File.Exists(folder.PathOf(KnowledgeEditor.AliasFile)));
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
}
