namespace KalugaBot.Bot.Matching;

/// <summary>Settings of park matching (section <c>Matching</c>).</summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    /// <summary>How many sites one answer shows ("show more" pages by the same count).</summary>
    public int PageSize { get; set; } = 3;

    /// <summary>Channels that cannot show Adaptive Cards: they get the plain-text rendering.</summary>
    public List<string> PlainTextChannels { get; set; } = ["sms", "email"];

    /// <summary>Absolute base URL for map images (e.g. https://bot.example.org); empty = the current request's host.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>TrueType font for map labels (Latin and Cyrillic); empty = the first of the usual system fonts found.</summary>
    public string MapFontFile { get; set; } = "";

    /// <summary>Languages whose number recognizers are built at start-up; the others are built on first use. Each costs
    /// ~200 ms to build and ~10 MB to keep.</summary>
    public List<string> WarmUpLanguages { get; set; } = ["en"];

    /// <summary>Send a map picture with the recommendations.</summary>
    public bool SendMap { get; set; } = true;
}
