using KalugaBot.Bot.Routing;
using KalugaBot.Bot.Templates;

namespace KalugaBot.Bot.Questions;

/// <summary>Does a message read as a question? A question mark, or a question word (questions.question_words) in any language.</summary>
public sealed class QuestionShape(ITemplates templates)
{
    private const string Key = "questions.question_words";
    private readonly Lazy<string[]> _words = new(() => templates.LanguagesOf(Key)
        .SelectMany(lang => templates.Render(Key, lang).Split('|'))
        .Select(IntentWords.Normalize).Where(w => w.Length > 0).Distinct().ToArray());

    public bool IsQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (text.Contains('?') || text.Contains('？')) return true;
        var padded = " " + IntentWords.Normalize(text) + " ";
        return _words.Value.Any(w => padded.Contains(" " + w + " ", StringComparison.Ordinal)
                                     || (w.Any(c => c is >= '\u4E00' and <= '\u9FFF') && padded.Contains(w, StringComparison.Ordinal)));
    }
}
