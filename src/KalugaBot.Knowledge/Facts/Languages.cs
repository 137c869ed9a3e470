namespace KalugaBot.Knowledge.Facts;

/// <summary>The reply languages the knowledge base is written for (same set as the dialog templates).</summary>
public static class Languages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> All = ["en", "ru", "de", "fr", "it", "zh", "pt"];

    public static bool IsSupported(string? language) => language is not null && All.Contains(language);
}
