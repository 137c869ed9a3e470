using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Loading;

namespace KalugaBot.Knowledge.Tests.Facts;

/// <summary>Sources that disagree are all kept; the answer uses the newest (undated lowest) and can say older figures differ.</summary>
public class ValueHistoryTests
{
    private static SourcedValue Number(decimal n, string asOf, string unit = "ha", string key = "") =>
        new() { Kind = ValueKind.Number, Number = n, Unit = unit, Key = key, AsOf = AsOf.Parse(asOf), Source = new Uri($"https://example.org/{n}") };

    [Fact]
    public void Newest_dated_value_wins_and_keeps_its_date()
    {
        var history = new ValueHistory("area", [Number(316, "undated (early project page)"), Number(1107, "2023-12-19"), Number(994.2m, "2022-06-04")]);

        Assert.Equal(1107, history.Newest!.Number);
        Assert.Equal("2023-12-19", history.Newest.AsOf.Text);
        Assert.True(history.OlderValuesDiffer);
        Assert.Equal([994.2m, 316m], history.OlderDiffering.Select(v => v.Number!.Value));
    }

    [Fact]
    public void Undated_values_rank_lowest_even_with_a_late_hint()
    {
        var history = new ValueHistory("x", [Number(1, "undated (c. 2025)"), Number(2, "2001")]);

        Assert.Equal(2, history.Newest!.Number);
        Assert.Equal(1, history.Values[^1].Number);
    }

    [Fact]
    public void Only_undated_values_order_by_hint_then_file_order()
    {
        var history = new ValueHistory("x", [Number(1, "undated"), Number(2, "undated (c. 2016)"), Number(3, "undated")]);

        Assert.Equal([2m, 1m, 3m], history.Values.Select(v => v.Number!.Value));
    }

    [Fact]
    public void Equal_values_from_several_sources_do_not_count_as_differing()
    {
        var history = new ValueHistory("x", [Number(12, "2019-06-14", "parks"), Number(12, "2016-04-11", "parks")]);

        Assert.False(history.OlderValuesDiffer);
        Assert.Equal(2, history.Values.Count);
    }

    [Fact]
    public void Unknown_field_has_no_newest_value()
    {
        Assert.Null(ValueHistory.Empty.Newest);
        Assert.False(ValueHistory.Empty.IsKnown);
    }

    [Fact]
    public void Fact_parts_group_by_key_in_file_order_each_newest_first()
    {
        var fact = new Fact
        {
            Id = "f", Topic = "t", Title = LocalizedText.Empty,
            Values = [Number(188, "undated", "km", "portal"), Number(200, "2023-08-24", "km", "other"), Number(150, "2014-11-11", "km", "other")],
        };

        Assert.Equal(["portal", "other"], fact.Parts.Select(p => p.Key));
        Assert.Equal(188, fact.Newest!.Number);
        Assert.Equal(200, fact.Parts[1].Newest!.Number);
    }

    [Fact]
    public void Park_fields_from_yaml_answer_with_the_newest_and_remember_older()
    {
        using var folder = new TempKnowledge();
        var park = KnowledgeLoader.LoadOrThrow(folder.Folder).Park("alpha-park")!;

        Assert.Equal(120, park.NewestNumber(ParkFields.TotalAreaHa));
        Assert.Equal("2023-05-01", park.TotalAreaHa.Newest!.AsOf.Text);
        Assert.True(park.TotalAreaHa.OlderValuesDiffer);
        Assert.True(park.NewestFlag(ParkFields.RailSiding));
        Assert.Null(park.NewestNumber(ParkFields.PowerMw));
    }
}

public class ParkFieldPartsTests
{
    [Fact]
    public void Notes_split_into_parts_by_key()
    {
        using var folder = new TempKnowledge().Write("parks/alpha-park.yaml", TempKnowledge.ValidPark + """

            notes:
              - {value: 5, unit: jobs, key: jobs, as_of: "2019", source: "https://example.org/j1"}
              - {value: Gazprom, key: gas, as_of: undated, source: "https://example.org/g"}
              - {value: 7, unit: jobs, key: jobs, as_of: "2021", source: "https://example.org/j2"}
            """);
        var park = KalugaBot.Knowledge.Loading.KnowledgeLoader.LoadOrThrow(folder.Folder).Park("alpha-park")!;

        var parts = park.FieldParts(ParkFields.Notes);

        Assert.Equal(["jobs", "gas"], parts.Select(p => p.Key));
        Assert.Equal(7, parts[0].Newest!.Number);
        Assert.Empty(park.FieldParts(ParkFields.PowerMw));
    }
}
