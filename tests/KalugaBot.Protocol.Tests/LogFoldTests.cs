using KalugaBot.Protocol.Storage;
using KalugaBot.Protocol.Transcripts;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace KalugaBot.Protocol.Tests;

/// <summary>LiteDB's log is folded into the data file while the host runs, and nothing written is lost by it.</summary>
public sealed class LogFoldTests(ITestOutputHelper output)
{
    private static Dictionary<string, string?> SmallLog(string compactHeapInterval) => new()
    {
        ["Storage:CheckpointIdleLogMegabytes"] = "1",
        ["Storage:CheckpointMaxLogMegabytes"] = "1", // folds under load too, not only when the writer is quiet
        ["Storage:CompactHeapInterval"] = compactHeapInterval,
    };

    [Theory]
    [InlineData("00:00:00")] // a compaction after every fold
    [InlineData("01:00:00")] // one compaction, then background collections (the default interval is 20 s)
    public async Task A_log_past_its_limit_is_folded_during_a_conversation_and_every_turn_survives_a_restart(string compactHeapInterval)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kalugabot-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string conversationId;
            var turns = 0;
            await using (var app = new KalugaBotApp(SmallLog(compactHeapInterval), dataFolder: folder))
            {
                var bot = new BotClient(app.CreateClient());
                conversationId = bot.ConversationId;
                var folds = app.Services.GetServices<IHostedService>().OfType<LiteDbLogCheckpoints>().Single();
                var db = app.Services.GetRequiredService<LiteDbContext>();
                // The second fold at the latest comes while the conversation runs. Bounded by time, not turns: folds are
                // checked twice a second, and how many turns fill 1 MB of log depends on how the writer batches them.
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (folds.Folds < 2 && clock.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await bot.SayAsync($"hello {++turns}");
                    if (turns % 100 == 0) output.WriteLine($"{turns} turns, log {db.LogFileBytes / 1024} KB, folds {folds.Folds}");
                }
                Assert.True(folds.Folds >= 2, $"{folds.Folds} fold(s) after {turns} turns");
                // Storage:CompactHeapAfterFold is on by default: each fold is followed by a collection (one may be under way).
                for (var wait = 0; wait < 50 && folds.Folds > folds.Compactions + folds.BackgroundCollections; wait++) await Task.Delay(100);
                int compactions = folds.Compactions, background = folds.BackgroundCollections;
                Assert.InRange(folds.Folds - compactions - background, 0, 1);
                if (compactHeapInterval == "00:00:00")
                {
                    Assert.True(compactions >= 1);
                    Assert.Equal(0, background);
                }
                else
                {
                    Assert.Equal(1, compactions); // the first fold compacts; the next ones within the hour do not
                    Assert.True(background >= 1);
                }
                for (var i = 0; i < 20; i++) await bot.SayAsync($"hello {++turns}"); // and the host goes on after it
                output.WriteLine($"{turns} turns, {folds.Folds} fold(s), log now {db.LogFileBytes / 1024} KB");

                var stored = await app.Services.GetRequiredService<ITranscriptStore>().GetAllActivitiesAsync(conversationId);
                Assert.Equal(Enumerable.Range(1, turns).Select(n => $"hello {n}"), stored.Where(a => a.From?.Role == "user").Select(a => a.Text));
            }

            await using var restarted = new KalugaBotApp(dataFolder: folder);
            var again = await restarted.Services.GetRequiredService<ITranscriptStore>().GetAllActivitiesAsync(conversationId);
            Assert.Equal(turns, again.Count(a => a.From?.Role == "user"));
            Assert.True(again.Count(a => a.From?.Role == "bot") >= turns);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
