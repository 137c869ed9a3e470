using System.Globalization;
using System.Text.RegularExpressions;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>Understands "UTC+3", "GMT-05:30", "+01:00", IANA ids ("Europe/Berlin") and a few common names (MSK, CET…).</summary>
public static partial class TimeZoneParser
{
    // Fixed offsets only for names that do not change with daylight saving in the sense investors use them.
    private static readonly Dictionary<string, string> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["msk"] = "Europe/Moscow", ["moscow"] = "Europe/Moscow", ["москва"] = "Europe/Moscow", ["мск"] = "Europe/Moscow",
        ["московское"] = "Europe/Moscow", ["moskau"] = "Europe/Moscow", ["moscou"] = "Europe/Moscow", ["mosca"] = "Europe/Moscow",
        ["莫斯科"] = "Europe/Moscow", ["cet"] = "Europe/Berlin", ["mez"] = "Europe/Berlin", ["berlin"] = "Europe/Berlin",
        ["paris"] = "Europe/Paris", ["rome"] = "Europe/Rome", ["roma"] = "Europe/Rome", ["london"] = "Europe/London",
        ["beijing"] = "Asia/Shanghai", ["北京"] = "Asia/Shanghai", ["shanghai"] = "Asia/Shanghai", ["上海"] = "Asia/Shanghai",
        ["lisbon"] = "Europe/Lisbon", ["lisboa"] = "Europe/Lisbon", ["são paulo"] = "America/Sao_Paulo", ["sao paulo"] = "America/Sao_Paulo",
        ["new york"] = "America/New_York", ["est"] = "America/New_York", ["utc"] = "UTC", ["gmt"] = "UTC",
    };

    /// <summary>A normalised zone ("UTC+03:00" or an IANA id), or null.</summary>
    public static string? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if ((NamedOffset().Match(t) is { Success: true } named ? named : Offset().Match(t)) is { Success: true } m)
        {
            var hours = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes is not (0 or 30 or 45)) return null;
            return $"UTC{(m.Groups["s"].Value == "+" ? "+" : "-")}{hours:D2}:{minutes:D2}";
        }
        foreach (var (name, id) in Named)
            if (Regex.IsMatch(t, $@"(^|\W){Regex.Escape(name)}(\W|$)", RegexOptions.IgnoreCase)) return id;
        var word = t.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Contains('/'));
        if (word is not null && TimeZoneInfo.TryFindSystemTimeZoneById(word, out var zone)) return zone.Id;
        return null;
    }

    /// <summary>The UTC time of a local wall-clock time in the given zone.</summary>
    public static DateTime ToUtc(DateTime local, string zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Offset().Match(zone) is { Success: true } m)
        {
            var offset = new TimeSpan(int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture), m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0, 0);
            return DateTime.SpecifyKind(m.Groups["s"].Value == "-" ? local + offset : local - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz)
            ? TimeZoneInfo.ConvertTimeToUtc(local, tz)
            : DateTime.SpecifyKind(local, DateTimeKind.Utc);
    }

    /// <summary>The wall-clock time in the given zone of a UTC time (the inverse of <see cref="ToUtc"/>).</summary>
    public static DateTime FromUtc(DateTime utc, string zone)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        if (Offset().Match(zone) is { Success: true } m)
        {
            var offset = new TimeSpan(int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture), m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0, 0);
            return DateTime.SpecifyKind(m.Groups["s"].Value == "-" ? utc - offset : utc + offset, DateTimeKind.Unspecified);
        }
        var local = TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz) ? TimeZoneInfo.ConvertTimeFromUtc(utc, tz) : utc;
        return DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
    }

    [GeneratedRegex(@"^(?:(?:UTC|GMT)\s*)?(?<s>[+\-−])\s*(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Offset();

    [GeneratedRegex(@"(?:UTC|GMT)\s*(?<s>[+\-−])\s*(?<h>\d{1,2})(?::?(?<m>\d{2}))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamedOffset();
}
