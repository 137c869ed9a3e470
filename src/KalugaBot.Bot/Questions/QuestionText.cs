using System.Text.RegularExpressions;

namespace KalugaBot.Bot.Questions;

/// <summary>Cleans a message for searching: markup removed, whitespace collapsed, length capped.</summary>
public static partial class QuestionText
{
    public static string Clean(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var withoutMarkup = Tags().Replace(text, " ");
        var collapsed = Spaces().Replace(withoutMarkup, " ").Trim();
        return collapsed.Length <= maxLength ? collapsed : collapsed[..maxLength];
    }

    /// <summary>True when there is something to search: a letter or a digit (not only emoji, punctuation or markup).</summary>
    public static bool IsReadable(string cleaned) => cleaned.Any(char.IsLetterOrDigit);

    [GeneratedRegex(@"<[^>]{0,200}>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
