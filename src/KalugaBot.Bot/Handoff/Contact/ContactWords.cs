using KalugaBot.Bot.Routing;
using KalugaBot.Bot.Templates;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>Recognises yes/no, "confirm" and field names ("change e-mail") from contact.words_* in every language.</summary>
public sealed class ContactWords(ITemplates templates)
{
    private readonly Dictionary<string, string[]> _cache = new();
    private readonly object _gate = new();

    public bool? YesNo(string? text)
    {
        if (Matches("contact.words_no", text)) return false;
        if (Matches("contact.words_yes", text)) return true;
        return null;
    }

    public bool IsConfirm(string? text) => Matches("contact.words_confirm", text);

    /// <summary>The field a correction request names, or null.</summary>
    public string? Field(string? text) => MatchOrder.FirstOrDefault(f => Matches("contact.words_" + f, text));

    // Most specific first: "time zone" before "time", "company name" before "name".
    private static readonly string[] MatchOrder =
        [ContactFields.Email, ContactFields.Phone, ContactFields.TimeZone, ContactFields.CallTime, ContactFields.Company, ContactFields.Country, ContactFields.Summary, ContactFields.Name];

    /// <summary>True when the text contains one of the phrases of template <paramref name="key"/> (any language).</summary>
    public bool Matches(string key, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var padded = " " + IntentWords.Normalize(text) + " ";
        return Phrases(key).Any(p => padded.Contains(" " + p + " ", StringComparison.Ordinal) || (p.Any(c => c is >= '\u4E00' and <= '\u9FFF') && padded.Contains(p, StringComparison.Ordinal)));
    }

    private string[] Phrases(string key)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var phrases)) return phrases;
            phrases = templates.LanguagesOf(key).SelectMany(l => templates.Render(key, l).Split('|'))
                .Select(IntentWords.Normalize).Where(p => p.Length > 0).Distinct().ToArray();
            return _cache[key] = phrases;
        }
    }
}
