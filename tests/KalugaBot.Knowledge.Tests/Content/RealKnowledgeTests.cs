using System.Text.RegularExpressions;
using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Loading;
using Xunit.Abstractions;

namespace KalugaBot.Knowledge.Tests.Content;

/// <summary>The repository's knowledge/ folder: valid, traceable to the dossier, and covering what investors ask.</summary>
public partial class RealKnowledgeTests(ITestOutputHelper output)
{
    private static readonly Lazy<KnowledgeSnapshot> Snapshot = new(() => KnowledgeLoader.LoadOrThrow(RepoFolders.Knowledge));

    [Fact]
    public void The_repository_knowledge_folder_validates_cleanly()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = KnowledgeLoader.Load(RepoFolders.Knowledge);
        watch.Stop();

        foreach (var p in result.Problems) output.WriteLine(p.ToString());
        Assert.Empty(result.Problems);
        // Informational only (no timing assertions in tests): the figure for the report.
        output.WriteLine($"{result.Snapshot!.Parks.Count} parks, {result.Snapshot.Facts.Count} facts, {AllValues().Count()} sourced values, loaded in {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Every_source_url_is_traceable_to_the_dossier_or_the_seeds()
    {
        var dossier = string.Join("\n", new[] { "parks.yaml", "region.yaml", "sources.md", "faq.md", "gaps.md" }
            .Select(f => File.ReadAllText(Path.Combine(RepoFolders.Dossier, f)))
            .Concat(Directory.EnumerateFiles(RepoFolders.Seeds).Select(File.ReadAllText)));

        var untraced = AllValues().Select(v => v.Value.Source.OriginalString).Distinct()
            .Where(url => !dossier.Contains(url, StringComparison.Ordinal)).ToList();

        foreach (var url in untraced) output.WriteLine("not in the dossier: " + url);
        Assert.Empty(untraced);
    }

    [Fact]
    public void Every_as_of_is_worded_as_in_the_dossier_or_is_a_date_from_it()
    {
        var dossier = string.Join("\n", new[] { "parks.yaml", "region.yaml", "sources.md", "faq.md" }
            .Select(f => File.ReadAllText(Path.Combine(RepoFolders.Dossier, f))));

        var untraced = AllValues().Select(v => v.Value.AsOf.Text).Distinct()
            .Where(a => !dossier.Contains(a, StringComparison.Ordinal) && !IsBareDateIn(a, dossier)).ToList();

        foreach (var a in untraced) output.WriteLine("as_of not in the dossier: " + a);
        Assert.Empty(untraced);
    }

    [Fact]
    public void Every_park_has_names_in_all_languages_and_only_known_kinds()
    {
        foreach (var park in Snapshot.Value.Parks)
            Assert.All(Languages.All, l => Assert.True(park.Names.Has(l), $"{park.Id} lacks a {l} name"));
    }

    [Fact]
    public void Unknown_facts_never_carry_a_number()
    {
        var unknown = Snapshot.Value.Facts.Where(f => f.State == FactState.Unknown).ToList();

        Assert.NotEmpty(unknown);
        Assert.All(unknown, f => Assert.Empty(f.Values));
        Assert.Contains(unknown, f => f.Id == "gap-land-price" && f.Entities.Contains("vorsino"));
        Assert.Contains(unknown, f => f.Id == "gap-gas-capacity" && f.Entities.Contains("rosva"));
    }

    /// <summary>Figures the dev question set expects; the answer must be reachable as a newest value or a part of a fact.</summary>
    [Theory]
    [InlineData("region-distance-moscow", "188")]
    [InlineData("parks-count", "12")]
    [InlineData("sez-area", "1107")]
    [InlineData("sez-benefits", "10")]
    [InlineData("lyudinovo-power", "20")]
    [InlineData("lyudinovo-power", "140")]
    [InlineData("lyudinovo-power", "36")]
    [InlineData("logistics-china-trains", "10")]
    [InlineData("logistics-china-trains", "14")]
    [InlineData("incentives-profit-tax", "13.5")]
    [InlineData("logistics-airport", "2200")]
    [InlineData("logistics-airport", "KLF")]
    [InlineData("logistics-airport", "134377")]
    [InlineData("workforce-wages", "38109")]
    [InlineData("economy-industrial-growth-2013", "7.5")]
    [InlineData("workforce-unemployment", "0.9")]
    [InlineData("officials-governor", "Vladislav Shapsha")]
    public void Headline_values_of_each_part(string factId, string expected)
    {
        var fact = Snapshot.Value.Fact(factId)!;
        var newest = fact.Parts.Select(p => p.Newest!).ToList();
        output.WriteLine($"{factId}: {string.Join(" | ", newest.Select(v => $"{v.Display} ({v.AsOf})"))}");

        Assert.Contains(newest, v => v.Display.Split(' ', ',').Contains(expected) || v.Display == expected);
    }

    [Theory]
    [InlineData("parks-federal-registry", "Vorsino", "Grabtsevo", "Rosva", "Kaluga-Yug")]
    [InlineData("investors-germany", "Volkswagen", "Continental", "Berlin-Chemie")]
    [InlineData("investors-france", "PSA", "Faurecia", "Lafarge", "L'Oréal")]
    [InlineData("investors-italy", "Zuegg", "Menarini", "Cellino")]
    [InlineData("logistics-dalian-corridor", "Dalian", "Vorsino")]
    [InlineData("site-warehouse", "Freight Village")]
    [InlineData("clusters", "automotive", "pharmaceutical")]
    [InlineData("parks-rail-sidings", "Vorsino", "Lyudinovo")]
    public void Names_the_dev_set_expects(string factId, params string[] names)
    {
        var text = string.Join(" | ", Snapshot.Value.Fact(factId)!.Parts.Select(p => p.Newest!.Display));
        output.WriteLine($"{factId}: {text}");

        Assert.All(names, n => Assert.Contains(n, text));
    }

    [Fact]
    public void Sez_benefits_mention_customs_in_english()
    {
        var labels = Snapshot.Value.Fact("sez-benefits")!.Values.Select(v => v.Label.Get("en")).ToList();

        Assert.Contains(labels, l => l!.Contains("customs"));
    }

    [Fact]
    public void Every_fact_has_question_phrasings_in_every_language()
    {
        foreach (var fact in Snapshot.Value.Facts.Where(f => f.Topic != "staff"))
            Assert.All(Languages.All, l => Assert.True(fact.Aliases.Get(l).Count > 0, $"{fact.Id} has no {l} phrasing"));
    }

    private static IEnumerable<(string Owner, SourcedValue Value)> AllValues() =>
        Snapshot.Value.Facts.SelectMany(f => f.Values.Select(v => (f.Id, v)))
            .Concat(Snapshot.Value.Parks.SelectMany(p => p.Fields.Values.SelectMany(h => h.Values).Select(v => (p.Id, v))));

    private static bool IsBareDateIn(string asOf, string dossier) => BareDate().IsMatch(asOf) && dossier.Contains(asOf[..4], StringComparison.Ordinal);

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex BareDate();
}
