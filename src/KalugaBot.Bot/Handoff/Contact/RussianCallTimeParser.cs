using System.Globalization;
using System.Text.RegularExpressions;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>Our own Russian day/time parsing (Recognizers.Text has no Russian date-time model): "завтра в 15:00", "в понедельник утром", "26.11 в 9".</summary>
public static partial class RussianCallTimeParser
{
    private static readonly (string Stem, DayOfWeek Day)[] Weekdays =
    [
        ("понедельник", DayOfWeek.Monday), ("вторник", DayOfWeek.Tuesday), ("сред", DayOfWeek.Wednesday), ("четверг", DayOfWeek.Thursday),
        ("пятниц", DayOfWeek.Friday), ("суббот", DayOfWeek.Saturday), ("воскресень", DayOfWeek.Sunday),
    ];

    private static readonly string[] Months = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];

    private static readonly (string Stem, int Hour)[] PartsOfDay = [("утр", 10), ("днём", 14), ("днем", 14), ("обед", 13), ("вечер", 18)];

    public static DateTime? Parse(string text, DateTime now)
    {
        var t = text.ToLower(new CultureInfo("ru-RU")).Replace('ё', 'е');
        var day = Day(t, now);
        var time = Time(t);
        if (day is null && time is null) return null;
        if (day is null)
        {
            var today = now.Date + time!.Value;
            return today > now ? today : today.AddDays(1);
        }
        return day.Value + (time ?? TimeSpan.FromHours(CallTimeParser.DefaultHour));
    }

    private static DateTime? Day(string t, DateTime now)
    {
        if (t.Contains("послезавтра")) return now.Date.AddDays(2);
        if (t.Contains("завтра")) return now.Date.AddDays(1);
        if (t.Contains("сегодня")) return now.Date;
        foreach (var (stem, weekday) in Weekdays)
        {
            if (!Regex.IsMatch(t, $@"\b{stem}")) continue;
            var ahead = ((int)weekday - (int)now.DayOfWeek + 7) % 7;
            return now.Date.AddDays(ahead == 0 ? 7 : ahead);
        }
        if (NumericDate().Match(t) is { Success: true } d && TryDate(now, int.Parse(d.Groups["d"].Value), int.Parse(d.Groups["m"].Value)) is { } numeric)
            return numeric;
        if (WordDate().Match(t) is { Success: true } w)
        {
            var word = w.Groups["month"].Value;
            var month = word is "мая" or "май" ? 5 : Array.FindIndex(Months, m => m.Length > 2 && word.StartsWith(m, StringComparison.Ordinal)) + 1;
            if (month > 0 && TryDate(now, int.Parse(w.Groups["d"].Value), month) is { } worded) return worded;
        }
        return null;
    }

    private static TimeSpan? Time(string t)
    {
        if (ClockTime().Match(t) is { Success: true } c)
        {
            var hour = int.Parse(c.Groups["h"].Value);
            var minute = c.Groups["m"].Success ? int.Parse(c.Groups["m"].Value) : 0;
            if (hour < 12 && (t.Contains("вечер") || t.Contains("дня"))) hour += 12;
            if (hour < 24 && minute < 60) return new TimeSpan(hour, minute, 0);
        }
        foreach (var (stem, hour) in PartsOfDay)
            if (t.Contains(stem)) return TimeSpan.FromHours(hour);
        return null;
    }

    private static DateTime? TryDate(DateTime now, int day, int month)
    {
        var year = now.Year;
        if (month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        var date = new DateTime(year, month, day);
        return date < now.Date ? date.AddYears(1) : date;
    }

    // "в 15:00", "в 15", "в 9.30", "15:30"
    [GeneratedRegex(@"(?:\bв\s+(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\b)|(?:\b(?<h>\d{1,2})[:](?<m>\d{2})\b)")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\.(?<m>\d{1,2})(?:\.\d{2,4})?\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\s+(?<month>[а-я]+)")]
    private static partial Regex WordDate();
}
