using KalugaBot.Protocol.Storage;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.Tests;

/// <summary>The gate around LiteDB: reads beside the batching writer (as turns, Direct Line and the staff pages use the
/// one file), and a file LiteDB closed on an internal error.</summary>
/// <remarks>With LiteDB's own engine, this broke the file within seconds in most runs ("pages in memory store must be
/// non-shared", "page type must be collection page"); <see cref="SerializedLiteEngine"/> is why it holds.</remarks>
public sealed class SerializedEngineTests : IDisposable
{
    private const int Conversations = 3000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kalugabot-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // and the log folded into the data file every 100 ms meanwhile (LiteDbLogCheckpoints' way)
    public async Task Reads_beside_batched_writes_neither_fail_nor_lose_a_row(bool folding)
    {
        var written = 0;
        var folds = 0;
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
            if (folding)
                readers.Add(Task.Run(async () =>
                {
                    try
                    {
                        while (!stop.IsCancellationRequested && failure is null)
                        {
                            await Task.Delay(100);
                            if (db.FoldLog()) folds++;
                        }
                    }
                    catch (Exception ex) { failure ??= ex; }
                }));

            await Task.WhenAll(readers.Append(writer)).WaitAsync(TimeSpan.FromSeconds(60));
            await db.Writes.FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        Assert.Null(failure);
        if (folding) Assert.True(folds >= 3, $"only {folds} folds");

        using var reopened = new LiteDbContext(Options.Create(new StorageOptions { DataFolder = _folder }));
        Assert.Equal(written, reopened.Collection<BsonDocument>("activities").Count());
    }

    [Fact]
    public void A_database_LiteDB_closed_after_an_internal_error_is_reopened_with_its_data()
    {
        var file = Path.Combine(_folder, "reopen.db");
        Directory.CreateDirectory(_folder);
        var opened = new List<LiteEngine>();
        var engine = new SerializedLiteEngine(() =>
        {
            var inner = new LiteEngine(new EngineSettings { Filename = file });
            opened.Add(inner);
            return inner;
        }, NullLogger.Instance);
        using var db = new LiteDatabase(engine);
        var rows = db.GetCollection("rows");
        rows.Insert(new BsonDocument { ["_id"] = 1, ["text"] = "before" });
        Assert.Throws<LiteException>(() => rows.Insert(new BsonDocument { ["_id"] = 1 })); // a refusal, not a failure
        Assert.Single(opened);

        opened[0].Dispose(); // what LiteDB does to itself after an internal error: every later call is refused

        Assert.ThrowsAny<Exception>(() => rows.FindById(1)); // the call that meets the closed engine
        Assert.Equal("before", rows.FindById(1)["text"].AsString);
        rows.Insert(new BsonDocument { ["_id"] = 2 });
        Assert.Equal(2, opened.Count);
        Assert.Equal(2, rows.Count());
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
