using KalugaBot.Knowledge.Facts;

namespace KalugaBot.Knowledge.Search;

public enum DocumentKind
{
    /// <summary>A curated fact (knowledge/facts).</summary>
    Fact,
    /// <summary>One field of one park ("Vorsino – total area"); unknown when the park record lacks the field.</summary>
    ParkField,
    /// <summary>The parks whose newest yes/no for a field is yes ("sites with a rail siding").</summary>
    FieldList,
}

/// <summary>One retrievable answer unit built from the knowledge snapshot.</summary>
public sealed record SearchDocument
{
    /// <summary>Fact id; "vorsino/total_area_ha" for a park field; "list/rail_siding" for a field list.</summary>
    public required string Id { get; init; }
    public required DocumentKind Kind { get; init; }

    public Fact? Fact { get; init; }
    public Park? Park { get; init; }
    public string? Field { get; init; }

    /// <summary>For a field list: the parks listed, each with the value that puts it on the list.</summary>
    public IReadOnlyList<(Park Park, SourcedValue Value)> Listed { get; init; } = [];

    /// <summary>Titles by language (strongest field).</summary>
    public DocumentTexts Titles { get; init; } = DocumentTexts.Empty;
    /// <summary>Question phrasings and keywords by language.</summary>
    public DocumentTexts Aliases { get; init; } = DocumentTexts.Empty;
    /// <summary>Names of the parks (entities) the document is about, in every language.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];
    /// <summary>Values (neutral) and their labels (by language): found, but weighed least.</summary>
    public DocumentTexts Body { get; init; } = DocumentTexts.Empty;

    /// <summary>Nothing is published about it: answer "not known", never a number.</summary>
    public bool IsUnknown { get; init; }

    /// <summary>Plain English rendering (title and values): SK text-search results and evaluation relevance.</summary>
    public string Text { get; init; } = "";

    /// <summary>The ids of the facts (or park fields) an answer from this document cites.</summary>
    public IReadOnlyList<string> CitedIds => Kind == DocumentKind.FieldList ? Listed.Select(l => $"{l.Park.Id}/{Field}").ToList() : [Id];

    /// <summary>The parks the document is about (its entities).</summary>
    public IReadOnlyList<Park> Parks { get; init; } = [];

    /// <summary>The value histories the answer is made of (one per fact part / the park field).</summary>
    public IReadOnlyList<ValueHistory> Parts => Kind switch
    {
        DocumentKind.Fact => Fact!.Parts,
        DocumentKind.ParkField when Park!.Field(Field!) is { IsKnown: true } history => ValueHistory.GroupByKey(history.Values),
        _ => [],
    };
}
