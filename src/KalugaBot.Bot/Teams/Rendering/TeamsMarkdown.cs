using System.Text;
using System.Text.RegularExpressions;

namespace KalugaBot.Bot.Teams.Rendering;

/// <summary>Reduces markdown to what Teams renders.</summary>
/// <remarks>Messages: bold, italic, strikethrough, headings, lists, links, code and quotes work; tables, images and rules do not.
/// Card TextBlocks: only bold, italic, lists and links. What Teams cannot show is turned into plain equivalents, never dropped.</remarks>
public static partial class TeamsMarkdown
{
    public static string ForMessage(string text)
    {
        if (!LooksLikeMarkdown(text)) return text;
        var lines = new List<string>();
        foreach (var line in Tables(text.Replace("\r\n", "\n").Split('\n')))
        {
            if (Rule().IsMatch(line)) continue;
            lines.Add(Image().Replace(line, "[$1]($2)"));
        }
        return string.Join('\n', lines);
    }

    public static string ForCard(string text)
    {
        if (!LooksLikeMarkdown(text)) return text;
        var lines = new List<string>();
        var inFence = false;
        foreach (var raw in Tables(text.Replace("\r\n", "\n").Split('\n')))
        {
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence) { lines.Add(raw); continue; }
            if (Rule().IsMatch(raw)) continue;
            var line = Heading().Replace(raw, "**$1**");
            line = Quote().Replace(line, "");
            line = Image().Replace(line, "[$1]($2)");
            line = InlineCode().Replace(line, "$1");
            line = Strike().Replace(line, "$1");
            lines.Add(line);
        }
        return string.Join('\n', lines);
    }

    private static bool LooksLikeMarkdown(string text) => text.AsSpan().IndexOfAny("#|![`>-~*_") >= 0;

    /// <summary>Markdown tables become one line per row: "**a**: b · c" (the first column reads as a label).</summary>
    private static IEnumerable<string> Tables(string[] lines)
    {
        string[]? header = null;
        foreach (var line in lines)
        {
            if (!IsTableRow(line)) { header = null; yield return line; continue; }
            var cells = Cells(line);
            if (cells.All(c => TableSeparatorCell().IsMatch(c))) continue;
            if (header is null) { header = cells; yield return "**" + string.Join(" · ", cells.Where(c => c.Length > 0)) + "**"; continue; }
            var row = new StringBuilder("- ");
            row.Append(cells.Length > 0 ? cells[0] : "");
            if (cells.Length > 1) row.Append(": ").Append(string.Join(" · ", cells.Skip(1).Where(c => c.Length > 0)));
            yield return row.ToString();
        }
    }

    private static bool IsTableRow(string line)
    {
        var t = line.Trim();
        return t.Length > 1 && t[0] == '|' && t[^1] == '|';
    }

    private static string[] Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    [GeneratedRegex(@"^\s{0,3}([-*_])(\s*\1){2,}\s*$")] private static partial Regex Rule();
    [GeneratedRegex(@"!\[([^\]]*)\]\(([^)\s]+)[^)]*\)")] private static partial Regex Image();
    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")] private static partial Regex Heading();
    [GeneratedRegex(@"^\s{0,3}>\s?")] private static partial Regex Quote();
    [GeneratedRegex(@"`([^`]+)`")] private static partial Regex InlineCode();
    [GeneratedRegex(@"~~(.+?)~~")] private static partial Regex Strike();
    [GeneratedRegex(@"^:?-{3,}:?$")] private static partial Regex TableSeparatorCell();
}
