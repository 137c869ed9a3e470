using KalugaBot.Protocol.Storage;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;

namespace KalugaBot.Protocol.Tests;

/// <summary>The write-behind queue on a real LiteDB file, including a database that fails under it.</summary>
public sealed class WriteQueueTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kalugabot-tests", Guid.NewGuid().ToString("N"));

    public WriteQueueTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Queued_writes_are_on_disk_after_a_flush()
    {
        var file = Path.Combine(_folder, "ok.db");
        using (var database = new LiteDatabase(file))
        using (var queue = new LiteDbWriteQueue(database, new LiteDbGate(), NullLogger.Instance))
        {
            for (var i = 1; i <= 50; i++)
            {
                var id = i;
                queue.Enqueue(db => db.GetCollection("rows").Insert(new BsonDocument { ["_id"] = id }));
            }
            await queue.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        using var reopened = new LiteDatabase(file);
        Assert.Equal(50, reopened.GetCollection("rows").Count());
    }

    [Fact]
    public async Task One_failing_write_in_a_batch_costs_only_itself()
    {
        var file = Path.Combine(_folder, "batch.db");
        using (var database = new LiteDatabase(file))
        using (var queue = new LiteDbWriteQueue(database, new LiteDbGate(), NullLogger.Instance))
        {
            database.GetCollection("rows").Insert(new BsonDocument { ["_id"] = 3 });
            // Hold the writer in a first batch, so the next ten writes are committed together in one transaction.
            using var started = new ManualResetEventSlim();
            using var release = new ManualResetEventSlim();
            queue.Enqueue(_ => { started.Set(); release.Wait(TimeSpan.FromSeconds(10)); });
            Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
            for (var i = 1; i <= 10; i++)
            {
                var id = i;
                queue.Enqueue(db => db.GetCollection("rows").Insert(new BsonDocument { ["_id"] = id, ["n"] = id })); // 3 is a duplicate
            }
            release.Set();
            await queue.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        using var reopened = new LiteDatabase(file);
        var rows = reopened.GetCollection("rows");
        Assert.Equal(Enumerable.Range(1, 10), rows.FindAll().Select(d => d["_id"].AsInt32).Order());
        Assert.Equal(9, rows.Count(Query.GT("n", 0))); // the row 3 written before the batch stays as it was
    }

    [Fact]
    public async Task Run_returns_after_the_commit_with_the_result_or_the_callers_exception()
    {
        using var database = new LiteDatabase(Path.Combine(_folder, "run.db"));
        using var queue = new LiteDbWriteQueue(database, new LiteDbGate(), NullLogger.Instance);
        var rows = database.GetCollection("rows");

        Assert.Equal(1, queue.Run(db => db.GetCollection("rows").Insert(new BsonDocument { ["_id"] = 1 })).AsInt32);
        var duplicate = Assert.Throws<LiteException>(() => queue.Run(db => db.GetCollection("rows").Insert(new BsonDocument { ["_id"] = 1 })));
        Assert.Equal(LiteException.INDEX_DUPLICATE_KEY, duplicate.ErrorCode);

        // Run and queued writes from many threads share the one writer; a Run's duplicate key costs nobody else their write.
        Parallel.For(0, 300, i =>
        {
            if (i % 3 == 0) queue.Enqueue(db => db.GetCollection("rows").Insert(new BsonDocument { ["_id"] = 1000 + i }));
            else if (i % 3 == 1) queue.Run(db => db.GetCollection("rows").Insert(new BsonDocument { ["_id"] = 1000 + i }));
            else Assert.Throws<LiteException>(() => queue.Run(db => db.GetCollection("rows").Insert(new BsonDocument { ["_id"] = 1 })));
        });
        await queue.FlushAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1 + 200, rows.Count());
    }

    [Fact]
    public async Task RunAsync_leaves_the_caller_free_while_its_write_waits_and_then_gives_the_result_or_the_exception()
    {
        using var database = new LiteDatabase(Path.Combine(_folder, "run-async.db"));
        using var queue = new LiteDbWriteQueue(database, new LiteDbGate(), NullLogger.Instance);
        // The writer busy with a first batch, as behind a fold: the read queued after it must not hold this thread.
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        queue.Enqueue(_ => { started.Set(); release.Wait(TimeSpan.FromSeconds(10)); });
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));

        var inserted = queue.RunAsync(db => db.GetCollection("rows").Insert(new BsonDocument { ["_id"] = 1 }).AsInt32);
        var duplicate = queue.RunAsync(db => db.GetCollection("rows").Insert(new BsonDocument { ["_id"] = 1 }).AsInt32);
        Assert.False(inserted.IsCompleted);
        Assert.False(duplicate.IsCompleted);

        release.Set();
        Assert.Equal(1, await inserted.WaitAsync(TimeSpan.FromSeconds(10)));
        var refused = await Assert.ThrowsAsync<LiteException>(() => duplicate.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(LiteException.INDEX_DUPLICATE_KEY, refused.ErrorCode);
        Assert.Equal(1, database.GetCollection("rows").Count());
    }

    [Fact]
    public async Task A_database_that_refuses_transactions_does_not_stop_the_writer_or_hang_waiting_turns()
    {
        var database = new LiteDatabase(Path.Combine(_folder, "broken.db"));
        using var queue = new LiteDbWriteQueue(database, new LiteDbGate(), NullLogger.Instance);
        database.Dispose(); // every BeginTrans and write now throws on the writer thread

        var committed = 0;
        for (var round = 0; round < 2; round++)
        {
            // more writes than the queue holds: a writer that died or leaked room would leave Enqueue blocked
            var enqueue = Task.Run(() =>
            {
                for (var i = 0; i < LiteDbWriteQueue.Capacity + 10; i++)
                    queue.Enqueue(db => db.GetCollection("rows").Insert(new BsonDocument { ["n"] = i }), () => Interlocked.Increment(ref committed));
            });
            await enqueue.WaitAsync(TimeSpan.FromSeconds(20));
            await queue.FlushAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
        Assert.Equal(2 * (LiteDbWriteQueue.Capacity + 10), committed);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
