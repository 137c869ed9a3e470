namespace KalugaBot.Knowledge.Facts;

/// <summary>All values known for one thing (one park field, one part of a fact), newest first.</summary>
public sealed class ValueHistory
{
    public static readonly ValueHistory Empty = new("", []);

    public ValueHistory(string key, IEnumerable<SourcedValue> values)
    {
        Key = key;
        // Stable sort: among equal dates the order of the file is kept (staff put the preferred one first).
        Values = values.Select((v, i) => (v, i)).OrderByDescending(x => x.v.AsOf).ThenBy(x => x.i).Select(x => x.v).ToList();
    }

    public string Key { get; }

    /// <summary>Newest first; undated values last.</summary>
    public IReadOnlyList<SourcedValue> Values { get; }

    public bool IsKnown => Values.Count > 0;

    /// <summary>The value to answer with: the newest by as_of (undated values rank lowest). Null when unknown.</summary>
    public SourcedValue? Newest => Values.Count > 0 ? Values[0] : null;

    /// <summary>Older (or undated) values that say something else than the newest: the answer may mention them.</summary>
    public IReadOnlyList<SourcedValue> OlderDiffering =>
        Newest is { } newest ? Values.Skip(1).Where(v => !v.SameValueAs(newest)).ToList() : [];

    public bool OlderValuesDiffer => OlderDiffering.Count > 0;

    /// <summary>Groups values by <see cref="SourcedValue.Key"/>, keeping the order in which keys first appear.</summary>
    public static IReadOnlyList<ValueHistory> GroupByKey(IEnumerable<SourcedValue> values) =>
        values.GroupBy(v => v.Key).Select(g => new ValueHistory(g.Key, g)).ToList();
}
