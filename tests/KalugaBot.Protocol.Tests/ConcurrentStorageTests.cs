using KalugaBot.Protocol.Storage;
using LiteDB;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.Tests;

/// <summary>Reads beside the batching writer, the way turns, Direct Line and the staff pages use the one LiteDB file.</summary>
/// <remarks>With LiteDB's own engine, this broke the file within seconds in most runs ("pages in memory store must be
/// non-shared", "page type must be collection page"); <see cref="SerializedLiteEngine"/> is why it holds.</remarks>
public sealed class ConcurrentStorageTests : IDisposable
{
    private const int Conversations = 3000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kalugabot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Reads_beside_batched_writes_neither_fail_nor_lose_a_row()
    {
        var written = 0;
        Exception? failure = null;
        using (var db = new LiteDbContext(Options.Create(new StorageOptions { DataFolder = _folder })))
        {
            var activities = db.Collection<BsonDocument>("activities");
            var conversations = db.Collection<BsonDocument>("conversations");
            activities.EnsureIndex("ConversationId");
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(8));

            var writer = Task.Run(() =>
            {
                var random = new Random(1);
                while (!stop.IsCancellationRequested && failure is null)
                {
                    var conversation = $"c{random.Next(Conversations):D4}";
                    var n = ++written;
                    var text = new string('x', random.Next(50, 600));
                    db.Writes.Enqueue(_ =>
                    {
                        activities.Insert(new BsonDocument { ["_id"] = $"{conversation}|{n:D9}", ["ConversationId"] = conversation, ["Text"] = text });
                        conversations.Upsert(new BsonDocument { ["_id"] = conversation, ["Last"] = n });
                    });
                }
            });
            var readers = Enumerable.Range(0, 3).Select(seed => Task.Run(() =>
            {
                var random = new Random(seed + 10);
                try
                {
                    while (!stop.IsCancellationRequested && failure is null)
                    {
                        var conversation = $"c{random.Next(Conversations):D4}";
                        _ = activities.Find(Query.Between("_id", conversation + "|", conversation + "|~")).Count();
                        _ = activities.Find(Query.EQ("ConversationId", conversation), limit: 5).Count();
                        _ = conversations.FindById(conversation);
                        if (random.Next(50) == 0) _ = conversations.Find(Query.All(), limit: 200).Count();
                    }
                }
                catch (Exception ex) { failure ??= ex; }
            })).ToList();

            await Task.WhenAll(readers.Append(writer)).WaitAsync(TimeSpan.FromSeconds(60));
            await db.Writes.FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        Assert.Null(failure);

        using var reopened = new LiteDbContext(Options.Create(new StorageOptions { DataFolder = _folder }));
        Assert.Equal(written, reopened.Collection<BsonDocument>("activities").Count());
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
