namespace KalugaBot.Knowledge.Facts;

/// <summary>An answerable fact (knowledge/facts/&lt;topic&gt;.yaml). The answer sentence is a template; values are numbers/names/labels.</summary>
public sealed record Fact
{
    public required string Id { get; init; }
    public required string Topic { get; init; }

    /// <summary>What the fact is about, in all 7 languages ("Area of the SEZ Kaluga").</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Question phrasings and keywords per language, for retrieval.</summary>
    public LocalizedList Aliases { get; init; } = LocalizedList.Empty;

    /// <summary>Park ids the fact concerns.</summary>
    public IReadOnlyList<string> Entities { get; init; } = [];

    public FactState State { get; init; } = FactState.Known;

    /// <summary>All values in file order (parts and alternatives); see <see cref="Parts"/>.</summary>
    public IReadOnlyList<SourcedValue> Values { get; init; } = [];

    /// <summary>Staff-facing remark (English).</summary>
    public string? Note { get; init; }

    public string File { get; init; } = "";

    /// <summary>The fact's parts (values grouped by key: each part newest first); one part for a single-valued fact.</summary>
    public IReadOnlyList<ValueHistory> Parts => ValueHistory.GroupByKey(Values);

    /// <summary>The newest value of a single-part fact (or of the first part).</summary>
    public SourcedValue? Newest => Parts.FirstOrDefault()?.Newest;
}
