using KalugaBot.Bot.Routing;

namespace KalugaBot.Bot.Matching;

/// <summary>Command words of the matching dialog (dialogs/matching.yaml, keys <c>words_*</c>), in any language.</summary>
public sealed class MatchingWords(IntentWords words)
{

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

    private IReadOnlyList<string> Phrases(string name) => words.PhrasesOf("matching.words_" + name);
}
