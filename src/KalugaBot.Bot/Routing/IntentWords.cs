using System.Globalization;
using System.Text;
using KalugaBot.Bot.Templates;

namespace KalugaBot.Bot.Routing;

/// <summary>Command words from dialogs/intents.yaml ("cancel|stop|abbrechen|отмена"), matched in any language.</summary>
/// <remarks>Also the one phrase cache for other features' word lists (contact.words_*, matching.words_*).</remarks>
public sealed class IntentWords(ITemplates templates)
{
    private readonly Dictionary<string, string[]> _cache = new();
    private readonly object _gate = new();

    /// <summary>True when the whole message is one of the phrases of intents.{name}.</summary>
    public bool IsExactly(string name, string? text) =>
        text is not null && PhrasesOf("intents." + name).Contains(Normalize(text), StringComparer.Ordinal);

    /// <summary>True when the message contains one of the phrases (as whole words).</summary>
    public bool Contains(string name, string? text) => ContainsAny("intents." + name, text);

    /// <summary>True when the message contains one of the phrases of template <paramref name="templateKey"/> (as whole words).</summary>
    public bool ContainsAny(string templateKey, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var padded = " " + Normalize(text) + " ";
        return PhrasesOf(templateKey).Any(p => p.Length > 0 && (padded.Contains(" " + p + " ", StringComparison.Ordinal) || (IsCjk(p) && padded.Contains(p, StringComparison.Ordinal))));
    }

    /// <summary>The normalized alternatives ("a|b|c") of a template, in every language it is written in.</summary>
    public IReadOnlyList<string> PhrasesOf(string templateKey)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(templateKey, out var phrases)) return phrases;
            phrases = templates.LanguagesOf(templateKey)
                .SelectMany(lang => templates.Render(templateKey, lang).Split('|'))
                .Select(Normalize).Where(p => p.Length > 0).Distinct().ToArray();
            return _cache[templateKey] = phrases;
        }
    }

    private static bool IsCjk(string s) => s.Any(c => c is >= '\u4E00' and <= '\u9FFF');

    /// <summary>Lower case, punctuation to spaces, single spaces.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture))
            sb.Append(char.IsLetterOrDigit(c) || c == '\'' || c == '-' ? c : ' ');
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
