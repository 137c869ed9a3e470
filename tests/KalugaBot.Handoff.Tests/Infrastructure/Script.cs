using KalugaBot.Protocol.Schema;
using KalugaBot.Testing;

namespace KalugaBot.Handoff.Tests.Infrastructure;

/// <summary>Runs a conversation as data: each line is what the investor says and a fragment the bot's replies must contain.</summary>
public static class Script
{
    public static async Task<IReadOnlyList<Activity>> RunAsync(BotClient bot, IEnumerable<(string Say, string Expect)> lines, string? serviceUrl = null)
    {
        IReadOnlyList<Activity> last = [];
        var turn = 0;
        foreach (var (say, expect) in lines)
        {
            turn++;
            last = await SayAsync(bot, say, serviceUrl);
            var text = Transcript.AllText(last);
            Assert.True(text.Contains(expect, StringComparison.OrdinalIgnoreCase),
                $"Turn {turn} \"{say}\": expected the reply to contain \"{expect}\" but it was:\n{text}");
        }
        return last;
    }

    public static Task<IReadOnlyList<Activity>> SayAsync(BotClient bot, string text, string? serviceUrl = null) =>
        bot.SendAsync(new Activity { Type = ActivityTypes.Message, Text = text, ServiceUrl = serviceUrl });

    public static (string, string)[] Lines(params string[] sayExpect)
    {
        var lines = new (string, string)[sayExpect.Length / 2];
        for (var i = 0; i < lines.Length; i++) lines[i] = (sayExpect[2 * i], sayExpect[2 * i + 1]);
        return lines;
    }
}
