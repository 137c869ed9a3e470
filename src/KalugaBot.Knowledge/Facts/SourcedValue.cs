using System.Globalization;

namespace KalugaBot.Knowledge.Facts;

/// <summary>One value as one source gave it at one date. Several values for the same thing are kept side by side.</summary>
public sealed record SourcedValue
{
    public required ValueKind Kind { get; init; }
    public decimal? Number { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<string> Names { get; init; } = [];
    public bool? Flag { get; init; }

    /// <summary>Unit of a number: ha, km, MW, m3/h, m3/day, %, RUB, USD, EUR, persons, days, … (not translated).</summary>
    public string? Unit { get; init; }
    public Qualifier Qualifier { get; init; } = Qualifier.Exact;

    /// <summary>What the value is, per language ("profit tax", "passenger terminal"); parts of a fact differ by label.</summary>
    public LocalizedText Label { get; init; } = LocalizedText.Empty;

    /// <summary>Groups values that describe the same thing (alternatives); defaults to the English label.</summary>
    public string Key { get; init; } = "";

    /// <summary>Country of a company (residents, investors by country), as an English name ("Germany").</summary>
    public string? Country { get; init; }

    public required AsOf AsOf { get; init; }
    public required Uri Source { get; init; }
    public string? SourceTitle { get; init; }

    /// <summary>Staff-facing remark (English), e.g. why a figure conflicts. Not shown to investors by default.</summary>
    public string? Note { get; init; }

    /// <summary>Where the value was written (for problem messages and the staff editor).</summary>
    public string? Origin { get; init; }

    /// <summary>The value alone, language-neutral: "1107 ha", "KLF", "Volkswagen, Continental", "yes".</summary>
    public string Display => Kind switch
    {
        ValueKind.Number => Unit is null ? FormatNumber(Number) : $"{FormatNumber(Number)} {Unit}",
        ValueKind.Names => string.Join(", ", Names),
        ValueKind.Flag => Flag == true ? "yes" : "no",
        _ => Text ?? "",
    };

    /// <summary>Source title, else the host of the source URL (for citations).</summary>
    public string SourceName => SourceTitle ?? Source.Host;

    /// <summary>True when two values say the same thing (ignoring where and when they were said).</summary>
    public bool SameValueAs(SourcedValue other) =>
        Kind == other.Kind && Number == other.Number && Flag == other.Flag && Text == other.Text
        && string.Equals(Unit, other.Unit, StringComparison.OrdinalIgnoreCase) && Names.SequenceEqual(other.Names);

    public static string FormatNumber(decimal? number) =>
        number?.ToString("0.############", CultureInfo.InvariantCulture) ?? "";
}
