using System.Threading.Channels;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Protocol.Storage;

/// <summary>
/// Write-behind for the hot path: writes are queued and committed in batches, one LiteDB transaction per batch, by one
/// background thread. <see cref="FlushAsync"/> waits until everything queued before it is on disk (readers call it for
/// read-your-writes); disposing drains the queue so a graceful shutdown loses nothing.
/// </summary>
public sealed class LiteDbWriteQueue : IDisposable
{
    private const int MaxBatch = 512;
    private readonly LiteDatabase _database;
    private readonly ILogger _logger;
    private readonly Channel<Item> _queue = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _thread;

    public LiteDbWriteQueue(LiteDatabase database, ILogger logger)
    {
        _database = database;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "LiteDB writer" };
        _thread.Start();
    }

    /// <param name="committed">Runs after the batch holding this write is committed (e.g. to drop a pending copy).</param>
    public void Enqueue(Action<LiteDatabase> write, Action? committed = null)
    {
        if (_queue.Writer.TryWrite(new Item(write, committed, null))) return;
        write(_database); // after shutdown started: write directly rather than drop it
        committed?.Invoke();
    }

    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite(new Item(null, null, done)) ? done.Task : Task.CompletedTask;
    }

    public void Flush() => FlushAsync().GetAwaiter().GetResult();

    private void Run()
    {
        var reader = _queue.Reader;
        var batch = new List<Item>(MaxBatch);
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var item)) batch.Add(item);
            Commit(batch);
        }
    }

    // LiteDB transactions belong to the calling thread, so begin and commit happen here without awaiting in between.
    private void Commit(List<Item> batch)
    {
        var writes = batch.Count(i => i.Write is not null);
        if (writes > 0)
        {
            var transaction = writes > 1 && _database.BeginTrans();
            foreach (var item in batch)
            {
                if (item.Write is null) continue;
                try { item.Write(_database); }
                catch (Exception ex) { _logger.LogError(ex, "A queued LiteDB write failed"); }
            }
            try { if (transaction) _database.Commit(); }
            catch (Exception ex) { _logger.LogError(ex, "Committing {Count} queued LiteDB writes failed", writes); }
        }
        foreach (var item in batch)
        {
            item.Committed?.Invoke();
            item.Flushed?.TrySetResult();
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread.Join(TimeSpan.FromSeconds(30));
    }

    private sealed record Item(Action<LiteDatabase>? Write, Action? Committed, TaskCompletionSource? Flushed);
}
