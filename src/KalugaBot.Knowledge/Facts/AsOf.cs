using System.Globalization;
using System.Text.RegularExpressions;

namespace KalugaBot.Knowledge.Facts;

/// <summary>
/// When a value was true, kept exactly as the source gave it ("2021-04-28", "2013 data", "undated (c. 2013)").
/// <see cref="Date"/> is the first date in the text and is used for ordering; texts starting with "undated" have no
/// date (the bracketed hint is our reading, not a page date) and rank below every dated value.
/// </summary>
public sealed partial class AsOf : IComparable<AsOf>
{
    private AsOf(string text, DateOnly? date, DateOnly? hint)
    {
        Text = text;
        Date = date;
        Hint = hint;
    }

    /// <summary>As printed in the knowledge file (and the dossier).</summary>
    public string Text { get; }

    /// <summary>The date the value is dated by; null when undated.</summary>
    public DateOnly? Date { get; }

    /// <summary>For undated values, the year/date suggested by the bracketed hint; only breaks ties among undated values.</summary>
    public DateOnly? Hint { get; }

    public bool IsUndated => Date is null;

    /// <summary>Parses an as_of text; null when it is neither "undated…" nor contains a valid date.</summary>
    public static AsOf? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        var first = FirstDate(trimmed, out var malformed);
        if (trimmed.StartsWith("undated", StringComparison.OrdinalIgnoreCase)) return new AsOf(trimmed, null, first);
        if (first is null || malformed) return null;
        return new AsOf(trimmed, first, null);
    }

    public static AsOf Parse(string text) => TryParse(text) ?? throw new FormatException($"'{text}' is not an as_of date.");

    /// <summary>Newer first: dated by date, then undated by hint, then undated without a hint.</summary>
    public int CompareTo(AsOf? other)
    {
        if (other is null) return 1;
        var mine = Date ?? Hint;
        var theirs = other.Date ?? other.Hint;
        if (IsUndated != other.IsUndated) return IsUndated ? -1 : 1;
        return Nullable.Compare(mine, theirs);
    }

    public override string ToString() => Text;

    private static DateOnly? FirstDate(string text, out bool malformed)
    {
        malformed = false;
        var match = DatePattern().Match(text);
        if (!match.Success) return null;
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 1;
        var day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : 1;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            malformed = true;
            return null;
        }
        return new DateOnly(year, month, day);
    }

    [GeneratedRegex(@"(?<![\d-])(?<y>(19|20)\d{2})(-(?<m>\d{2})(-(?<d>\d{2}))?)?(?![\d])")]
    private static partial Regex DatePattern();
}
