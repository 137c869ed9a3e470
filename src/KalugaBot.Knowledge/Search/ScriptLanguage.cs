namespace KalugaBot.Knowledge.Search;

/// <summary>A rough language guess from the script alone, for callers that do not say the language (SK plugins).</summary>
public static class ScriptLanguage
{
    public static string Guess(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "en";
        if (text.Any(ConceptMatcher.IsCjk)) return "zh";
        return text.Count(c => c is >= '\u0400' and <= '\u04FF') * 2 > text.Count(char.IsLetter) ? "ru" : "en";
    }
}
