using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>Turns "tomorrow at 3 pm" / "morgen um 15 Uhr" / "завтра в 15:00" into a wall-clock time.</summary>
/// <remarks>A culture's recognizer is built on its first use and then kept: each costs ~200 ms and ~10 MB, and most
/// conversations never reach the call-time question, so the host does not pay for six of them at start-up.</remarks>
public sealed class CallTimeParser
{
    /// <summary>Hour used when only a day is given.</summary>
    public const int DefaultHour = 10;

    private static readonly Dictionary<string, string> Cultures = new()
    {
        ["en"] = Culture.English, ["de"] = Culture.German, ["fr"] = Culture.French,
        ["it"] = Culture.Italian, ["zh"] = Culture.Chinese, ["pt"] = Culture.Portuguese,
    };

    private readonly Dictionary<string, Lazy<DateTimeModel>> _models = Cultures.ToDictionary(
        c => c.Key,
        c => new Lazy<DateTimeModel>(() => new DateTimeRecognizer(c.Value, DateTimeOptions.None, lazyInitialization: false).GetDateTimeModel()));

    /// <summary>The local time meant, or null when the text holds no usable day/time. <paramref name="now"/> is the reference for "tomorrow".</summary>
    public DateTime? Parse(string? text, string language, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (language == "ru" || HasCyrillic(text)) return RussianCallTimeParser.Parse(text, now);
        // The investor's language first, then the others: a German answer in an English chat still counts.
        foreach (var model in _models.OrderBy(m => m.Key == language ? 0 : m.Key == "en" ? 1 : 2).Select(m => m.Value.Value))
            if (FromRecognizer(model.Parse(text, now), now) is { } parsed) return parsed;
        return null;
    }

    private static DateTime? FromRecognizer(List<ModelResult> results, DateTime now)
    {
        foreach (var result in results)
        {
            if (result.Resolution?.GetValueOrDefault("values") is not IEnumerable<Dictionary<string, string>> values) continue;
            var candidates = values.Select(v => Resolve(v, now)).Where(d => d is not null).Select(d => d!.Value).ToList();
            if (candidates.Count == 0) continue;
            // Ambiguous values ("Monday" = last or next) come in order; prefer the first in the future.
            return candidates.FirstOrDefault(d => d >= now, candidates[^1]);
        }
        return null;
    }

    private static DateTime? Resolve(Dictionary<string, string> value, DateTime now)
    {
        var type = value.GetValueOrDefault("type") ?? "";
        var raw = value.GetValueOrDefault("value") ?? value.GetValueOrDefault("start");
        if (raw is null) return null;
        switch (type)
        {
            case "datetime" or "datetimerange":
                return TryDate(raw, "yyyy-MM-dd HH:mm:ss");
            case "date" or "daterange":
                return TryDate(raw, "yyyy-MM-dd")?.AddHours(DefaultHour);
            case "time" or "timerange":
                if (TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var time))
                {
                    var today = now.Date + time;
                    return today > now ? today : today.AddDays(1);
                }
                return null;
            default:
                return null;
        }
    }

    private static DateTime? TryDate(string raw, string format) =>
        DateTime.TryParseExact(raw, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static bool HasCyrillic(string text) => text.Any(c => c is >= '\u0400' and <= '\u04FF');
}
