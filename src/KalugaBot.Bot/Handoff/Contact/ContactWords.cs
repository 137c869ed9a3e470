using KalugaBot.Bot.Routing;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>Recognises yes/no, "confirm" and field names ("change e-mail") from contact.words_* in every language.</summary>
public sealed class ContactWords(IntentWords words)
{
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
    public bool Matches(string key, string? text) => words.ContainsAny(key, text);
}
