using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KalugaBot.Protocol.Schema;
using KalugaBot.Testing;

namespace KalugaBot.Matching.Tests.Conversations;

/// <summary>Runs a conversation script: lines "> text" (the investor says), "> {json}" (a card submit),
/// "&lt; regex" (some reply of that turn must match, case-insensitive), "!&lt; regex" (no reply may match).</summary>
public static class ScriptRunner
{
    public static async Task<IReadOnlyList<Activity>> RunAsync(BotClient bot, string script)
    {
        IReadOnlyList<Activity> replies = [];
        var all = new List<Activity>();
        foreach (var raw in script.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("> ", StringComparison.Ordinal))
            {
                var said = line[2..];
                replies = said.StartsWith('{') ? await bot.SubmitAsync((JsonObject)JsonNode.Parse(said)!) : await bot.SayAsync(said);
                all.AddRange(replies);
            }
            else if (line.StartsWith("!< ", StringComparison.Ordinal))
            {
                var text = Transcript.AllText(replies);
                Assert.False(Regex.IsMatch(text, line[3..], RegexOptions.IgnoreCase), $"Did not expect /{line[3..]}/ in:\n{text}");
            }
            else if (line.StartsWith("< ", StringComparison.Ordinal))
            {
                var text = Transcript.AllText(replies);
                Assert.True(Regex.IsMatch(text, line[2..], RegexOptions.IgnoreCase), $"Expected /{line[2..]}/ in:\n{text}");
            }
            else throw new ArgumentException($"Bad script line: {line}");
        }
        return all;
    }
}
