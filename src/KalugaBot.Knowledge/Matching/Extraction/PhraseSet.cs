using System.Text;
using System.Text.RegularExpressions;

namespace KalugaBot.Knowledge.Matching.Extraction;

/// <summary>Words of one category in all languages, compiled once into a single regex.
/// "rail*" matches a word starting with "rail"; Chinese phrases match anywhere (no spaces between words).</summary>
public sealed class PhraseSet
{
    private readonly Regex? _regex;

    public PhraseSet(IEnumerable<string> phrases)
    {
        var parts = phrases.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct()
            .OrderByDescending(p => p.Length).Select(ToPattern).ToList();
        Phrases = parts.Count;
        if (parts.Count > 0)
            _regex = new Regex(string.Join('|', parts), RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }

    public int Phrases { get; }

    public bool IsMatch(string text) => _regex is not null && _regex.IsMatch(text);

    public IEnumerable<Match> Matches(string text) => _regex is null ? [] : _regex.Matches(text);

    private static string ToPattern(string phrase)
    {
        var p = phrase.Trim().ToLowerInvariant();
        var prefix = p.EndsWith('*');
        if (prefix) p = p.TrimEnd('*');
        var body = new StringBuilder();
        foreach (var word in p.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (body.Length > 0) body.Append(@"\s+");
            body.Append(Regex.Escape(word));
        }
        if (p.Any(IsCjk)) return "(?:" + body + ")";
        var end = prefix ? @"[\p{L}\p{Mn}\-]*" : @"(?![\p{L}\p{N}])";
        return @"(?:(?<![\p{L}\p{N}])" + body + end + ")";
    }

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
