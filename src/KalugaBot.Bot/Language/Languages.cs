namespace KalugaBot.Bot.Language;

/// <summary>The languages KalugaBot answers in. English is the fallback for everything else.</summary>
public static class Languages
{
    public const string English = "en";
    // One list for the whole product: the knowledge base is written for exactly these languages.
    public static readonly IReadOnlyList<string> Supported = KalugaBot.Knowledge.Facts.Languages.All;

    /// <summary>"de-DE" → "de"; unknown or unsupported → null.</summary>
    public static string? FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return null;
        var primary = locale.Split('-', '_')[0].ToLowerInvariant();
        return Supported.Contains(primary) ? primary : null;
    }
}
