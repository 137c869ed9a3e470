namespace KalugaBot.Knowledge.Editing;

/// <summary>A new fact typed in by staff: one sourced, dated value; validated like any file before it is written.</summary>
public sealed record FactDraft
{
    public required string Id { get; init; }
    public required string Topic { get; init; }
    /// <summary>Title per language; all 7 languages are required (as for every fact).</summary>
    public required IReadOnlyDictionary<string, string> Titles { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyList<string> Entities { get; init; } = [];
    /// <summary>A number ("1107", "13.5"), a name, or "true"/"false"; numbers and flags are recognised as such.</summary>
    public required string Value { get; init; }
    public string? Unit { get; init; }
    public IReadOnlyDictionary<string, string> Label { get; init; } = new Dictionary<string, string>();
    public required string Source { get; init; }
    public string? SourceTitle { get; init; }
    public required string AsOf { get; init; }
    public string? Note { get; init; }
}
