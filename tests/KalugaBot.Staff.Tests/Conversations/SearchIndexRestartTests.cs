using KalugaBot.Host.Staff.Auth;
using KalugaBot.Host.Staff.Search;
using KalugaBot.Protocol.Storage;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KalugaBot.Staff.Tests.Conversations;

/// <summary>The search index and its stored progress are written one after the other; a crash between them must not
/// leave a message in the index twice.</summary>
public sealed class SearchIndexRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task After_a_restart_that_lost_the_index_progress_every_message_is_indexed_once()
    {
        using var temp = new TestFolder();
        var folder = temp.Path;
        int indexed;
        await using (var first = new KalugaBotApp(dataFolder: folder))
        {
            var bot = new BotClient(first.CreateClient(), "en-US", log: output);
            await bot.SayAsync("Which industrial parks have rail sidings?");
            await bot.SayAsync("Is there a customs warehouse nearby?");
            using (var staff = await StaffSession.SignInAsync(first, StaffRoles.Viewer))
                Assert.Contains("1 conversations match", await staff.Client.GetStringAsync("/staff/search?q=warehouse"));
            indexed = first.Services.GetRequiredService<TranscriptSearchIndex>().MessageCount();
            Assert.True(indexed >= 4, $"two questions and their answers expected in the index, found {indexed}");

            // The crash: the index was committed, the progress that counts it never reached the database.
            var db = first.Services.GetRequiredService<LiteDbContext>();
            db.Writes.Enqueue(_ => db.Collection<IndexProgress>("staff_index_progress").DeleteAll());
            await db.Writes.FlushAsync();
        }

        await using var second = new KalugaBotApp(dataFolder: folder);
        using var again = await StaffSession.SignInAsync(second, StaffRoles.Viewer);
        Assert.Contains("1 conversations match", await again.Client.GetStringAsync("/staff/search?q=warehouse"));
        Assert.Equal(indexed, second.Services.GetRequiredService<TranscriptSearchIndex>().MessageCount());
    }
}
