using System.Net.Mail;
using System.Text.RegularExpressions;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>E-mail and phone checks; phones are normalised to E.164 (+ and 8 to 15 digits).</summary>
public static partial class ContactValidation
{
    public static string? NormalizeEmail(string? text)
    {
        var candidate = text?.Trim().Trim('<', '>', '.', ',', ';');
        if (string.IsNullOrEmpty(candidate) || candidate.Length > 254 || !EmailShape().IsMatch(candidate)) return null;
        return MailAddress.TryCreate(candidate, out var address) && address.Address == candidate ? candidate : null;
    }

    public static string? NormalizePhone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var compact = PhoneSeparators().Replace(text.Trim(), "");
        if (compact.StartsWith("00", StringComparison.Ordinal)) compact = "+" + compact[2..];
        return E164().IsMatch(compact) ? compact : null;
    }

    [GeneratedRegex(@"^[^@\s""<>(),;:]+@[^@\s""<>(),;:]+\.[^@\s""<>(),;:.]{2,}$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^\+[1-9]\d{7,14}$")]
    private static partial Regex E164();
}
