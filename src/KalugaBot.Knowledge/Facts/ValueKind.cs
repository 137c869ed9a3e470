namespace KalugaBot.Knowledge.Facts;

/// <summary>What a value holds; all kinds render in any language (numbers, names copied from the source, yes/no).</summary>
public enum ValueKind
{
    /// <summary>A number (<see cref="SourcedValue.Number"/>) with an optional unit.</summary>
    Number,
    /// <summary>A short text copied from the source: a name, a code ("KLF", "M3"), a date.</summary>
    Text,
    /// <summary>Several names (<see cref="SourcedValue.Names"/>), e.g. residents or parks in a registry.</summary>
    Names,
    /// <summary>Yes / no (<see cref="SourcedValue.Flag"/>), e.g. rail siding.</summary>
    Flag,
}
