using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Storage;
using KalugaBot.Protocol.Transcripts;
using LiteDB;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.Tests;

/// <summary>The transcript store reads a conversation as one range of the activities' _id index, on a real LiteDB file.</summary>
public sealed class TranscriptStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kalugabot-tests", Guid.NewGuid().ToString("N"));

    private LiteDbContext Open() => new(Options.Create(new StorageOptions { DataFolder = _folder }));

    [Fact]
    public async Task A_conversation_whose_id_another_one_continues_reads_only_its_own_rows()
    {
        using var db = Open();
        var store = new LiteDbTranscriptStore(db);
        // "a|1x|000000001" sorts inside the _id range of "a" ("a|000000000" … "a|999999999").
        await store.LogActivitiesAsync([Message("a", "first of a"), Message("a|1x", "first of a|1x"), Message("a", "second of a")]);

        var ofA = await store.GetAllActivitiesAsync("a");
        var ofOther = await store.GetAllActivitiesAsync("a|1x");

        Assert.Equal(["first of a", "second of a"], ofA.Select(x => x.Text));
        Assert.Equal(["first of a|1x"], ofOther.Select(x => x.Text));

        await store.DeleteTranscriptAsync("test", "a");
        Assert.Empty(await store.GetAllActivitiesAsync("a"));
        Assert.Single(await store.GetAllActivitiesAsync("a|1x"));
    }

    [Fact]
    public async Task A_file_from_before_loses_the_ConversationId_index_and_keeps_its_rows()
    {
        using (var before = Open())
        {
            var activities = before.Collection<BsonDocument>("activities");
            activities.EnsureIndex("ConversationId");
            before.Writes.Enqueue(_ => activities.Insert(new BsonDocument
            {
                ["_id"] = ActivityRecord.MakeId("old", 1),
                ["ConversationId"] = "old",
                ["Sequence"] = 1L,
                ["Type"] = "message",
                ["Json"] = """{"type":"message","text":"kept","conversation":{"id":"old"}}""",
            }));
            await before.Writes.FlushAsync();
        }

        using var db = Open();
        var store = new LiteDbTranscriptStore(db);

        var indexes = db.Database.GetCollection("$indexes").Find(Query.EQ("collection", "activities")).Select(i => i["name"].AsString).ToList();
        Assert.DoesNotContain("ConversationId", indexes);
        Assert.Equal(["kept"], (await store.GetAllActivitiesAsync("old")).Select(x => x.Text));
    }

    private static Activity Message(string conversationId, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = "user", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot },
    };

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
