using KalugaBot.Bot.Routing;
using KalugaBot.Bot.Templates;

namespace KalugaBot.Bot.Matching;

/// <summary>Command words of the matching dialog (dialogs/matching.yaml, keys <c>words_*</c>), in any language.</summary>
public sealed class MatchingWords(ITemplates templates)
{
    private readonly Dictionary<string, string[]> _cache = new();
    private readonly Lock _gate = new();

    public bool IsExactly(string name, string? text) => text is not null && Phrases(name).Contains(IntentWords.Normalize(text), StringComparer.Ordinal);

    public bool Contains(string name, string? text) => Find(name, text) is not null;

    /// <summary>The phrase found (as whole words), or null; <paramref name="rest"/> is the text after it.</summary>
    public string? Find(string name, string? text) => Find(name, text, out _);

    public string? Find(string name, string? text, out string rest)
    {
        rest = "";
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = IntentWords.Normalize(text);
        var padded = " " + normalized + " ";
        foreach (var phrase in Phrases(name).OrderByDescending(p => p.Length))
        {
            var cjk = phrase.Any(Knowledge.Matching.Extraction.PhraseSet.IsCjk);
            var index = cjk ? padded.IndexOf(phrase, StringComparison.Ordinal) : padded.IndexOf(" " + phrase + " ", StringComparison.Ordinal);
            if (index < 0) continue;
            var end = index + phrase.Length + (cjk ? 0 : 1);
            rest = padded[Math.Min(end, padded.Length)..].Trim();
            return phrase;
        }
        return null;
    }

    private string[] Phrases(string name)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(name, out var phrases)) return phrases;
            var key = "matching.words_" + name;
            phrases = templates.LanguagesOf(key).SelectMany(lang => templates.Render(key, lang).Split('|'))
                .Select(IntentWords.Normalize).Where(p => p.Length > 0).Distinct().ToArray();
            return _cache[name] = phrases;
        }
    }
}
