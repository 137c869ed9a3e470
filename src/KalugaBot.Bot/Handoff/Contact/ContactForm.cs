namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>What the contact dialog has collected so far (kept in dialog state only after consent).</summary>
public sealed class ContactForm
{
    public string? Name { get; set; }
    public string? Company { get; set; }
    public string? Country { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Summary { get; set; }
    public string? CallTimeText { get; set; }
    /// <summary>The call time as the investor meant it, in their own clock ("yyyy-MM-ddTHH:mm").</summary>
    public string? CallTimeLocal { get; set; }
    public string? TimeZone { get; set; }

    public string? Get(string field) => field switch
    {
        ContactFields.Name => Name,
        ContactFields.Company => Company,
        ContactFields.Country => Country,
        ContactFields.Email => Email,
        ContactFields.Phone => Phone,
        ContactFields.Summary => Summary,
        ContactFields.CallTime => CallTimeText,
        ContactFields.TimeZone => TimeZone,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public void Clear(string field)
    {
        switch (field)
        {
            case ContactFields.Name: Name = null; break;
            case ContactFields.Company: Company = null; break;
            case ContactFields.Country: Country = null; break;
            case ContactFields.Email: Email = null; break;
            case ContactFields.Phone: Phone = null; break;
            case ContactFields.Summary: Summary = null; break;
            case ContactFields.CallTime: CallTimeText = null; CallTimeLocal = null; break;
            case ContactFields.TimeZone: TimeZone = null; break;
        }
    }
}

/// <summary>The fields in the order they are asked.</summary>
public static class ContactFields
{
    public const string Name = "name";
    public const string Company = "company";
    public const string Country = "country";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Summary = "summary";
    public const string CallTime = "call_time";
    public const string TimeZone = "time_zone";

    public static readonly IReadOnlyList<string> InOrder = [Name, Company, Country, Email, Phone, Summary, CallTime, TimeZone];
}

/// <summary>The contact dialog's options, carried across its ReplaceDialog loop.</summary>
public sealed class ContactDialogOptions
{
    /// <summary>The language the form was started in; kept for the whole form (see <see cref="ContactLanguagePin"/>).</summary>
    public string? Language { get; set; }
    public bool Consented { get; set; }
    public DateTime? ConsentUtc { get; set; }
    public bool Prefilled { get; set; }
    public ContactForm Form { get; set; } = new();
}
