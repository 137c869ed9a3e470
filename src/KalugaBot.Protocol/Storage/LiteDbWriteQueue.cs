using System.Collections.Concurrent;
using System.Diagnostics;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Protocol.Storage;

/// <summary>
/// Write-behind for the hot path: writes are queued and committed in batches, one LiteDB transaction per batch, by one
/// background thread. <see cref="FlushAsync"/> waits until everything queued before it is on disk (readers call it for
/// read-your-writes); disposing drains the queue so a graceful shutdown loses nothing.
/// </summary>
/// <remarks>The queue is bounded: when the writer falls behind (sustained overload), <see cref="Enqueue"/> waits for room,
/// so turns slow down to the rate the file takes instead of the backlog growing without limit in memory.</remarks>
public sealed class LiteDbWriteQueue : IDisposable
{
    private const int MaxBatch = 1024;
    public const int Capacity = 16384;
    /// <summary>Shortest time between two commits while no caller waits for one. Every commit writes each page it touched
    /// to the log once, so fewer, larger batches write far fewer pages (and fold the log less often); turns never wait
    /// for these writes.</summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(20);
    private readonly LiteDatabase _database;
    private readonly LiteDbGate _gate;
    private readonly ILogger _logger;
    // A plain queue and semaphore: the writer thread must wake without the thread pool, which may be busy with turns.
    private readonly ConcurrentQueue<Item> _queue = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly SemaphoreSlim _room = new(Capacity, Capacity);
    private readonly Thread _thread;
    private volatile bool _completed;
    private volatile bool _awaited; // a flush or a Run caller waits: commit without gathering
    private long _lastWrite = Environment.TickCount64;

    /// <param name="gate">The engine's lock (<see cref="SerializedLiteEngine.Gate"/>), held from a batch's begin to its commit.</param>
    public LiteDbWriteQueue(LiteDatabase database, LiteDbGate gate, ILogger logger)
    {
        _database = database;
        _gate = gate;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "LiteDB writer" };
        _thread.Start();
    }

    /// <param name="committed">Runs after the batch holding this write is committed (e.g. to drop a pending copy).</param>
    public void Enqueue(Action<LiteDatabase> write, Action? committed = null)
    {
        if (_completed)
        {
            write(_database); // after shutdown started: write directly rather than drop it
            committed?.Invoke();
            return;
        }
        Add(new Item(write, committed, null));
    }

    /// <summary>Runs a write on the writer thread and returns once it is committed, with its result or its exception.</summary>
    /// <remarks>For writes that read first or whose caller needs the outcome (leads, outbox, hand-offs); they share the
    /// writer's batch and its one commit. Safety against LiteDB's own races comes from <see cref="SerializedLiteEngine"/>.
    /// This blocks the calling thread; on a pool thread prefer <see cref="RunAsync{T}"/>.</remarks>
    public T Run<T>(Func<LiteDatabase, T> write) => RunAsync(write).GetAwaiter().GetResult();

    /// <summary><see cref="Run{T}"/> without holding the calling thread while the write waits for its batch.</summary>
    /// <remarks>Behind a fold (~0.15 s) and a batch or two, a blocked caller held a pool thread for 20-260 ms, every 5 s
    /// from the staff search indexer alone (bench load, 2026-11-27), on a two-core host whose turns need those threads.</remarks>
    public async Task<T> RunAsync<T>(Func<LiteDatabase, T> write)
    {
        if (_completed || Thread.CurrentThread == _thread) return write(_database);
        T result = default!;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? error = null;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Add(new Item(db =>
        {
            error = null; // a batch that failed elsewhere replays this write
            try { result = write(db); }
            catch (Exception ex)
            {
                error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
                throw;
            }
        }, null, done) { CallerHandlesErrors = true }, awaited: true);
        await done.Task.ConfigureAwait(false);
        error?.Throw();
        return result;
    }

    public void Run(Action<LiteDatabase> write) => Run<bool>(db =>
    {
        write(db);
        return true;
    });

    private void Add(Item write, bool awaited = false)
    {
        _room.Wait();
        _queue.Enqueue(write);
        if (awaited) _awaited = true;
        _signal.Release();
    }

    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_completed) return Task.CompletedTask;
        _queue.Enqueue(new Item(null, null, done));
        _awaited = true;
        _signal.Release();
        return done.Task;
    }

    public void Flush() => FlushAsync().GetAwaiter().GetResult();

    /// <summary>True when nothing waits to be written and the last batch was written at least <paramref name="span"/> ago.</summary>
    public bool IsQuietFor(TimeSpan span) => _queue.IsEmpty && Environment.TickCount64 - Volatile.Read(ref _lastWrite) >= span.TotalMilliseconds;

    private void Run()
    {
        var batch = new List<Item>(MaxBatch);
        var lastCommit = Stopwatch.GetTimestamp();
        while (true)
        {
            // The signal only wakes the writer; the queue is the work. Its count is dropped after waking, or a writer that
            // takes many items per wake-up would find it ever larger (and gather once for each stale count).
            if (_queue.IsEmpty && !_completed) _signal.Wait();
            while (_signal.Wait(0)) { }
            // Gather: a short sleep on this thread, cut short when a caller starts waiting for a commit.
            while (!_awaited && !_completed && _queue.Count < MaxBatch && Stopwatch.GetElapsedTime(lastCommit) < Gather) Thread.Sleep(1);
            _awaited = false;
            lastCommit = Stopwatch.GetTimestamp();
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.TryDequeue(out var item)) batch.Add(item);
            if (batch.Count > 0) Commit(batch);
            else if (_completed)
            {
                Thread.Sleep(50); // a writer that saw "not completed" just before shutdown may still be enqueuing
                while (_queue.TryDequeue(out var late)) batch.Add(late);
                if (batch.Count > 0) Commit(batch);
                return;
            }
        }
    }

    // LiteDB transactions belong to the calling thread, so begin and commit happen here without awaiting in between.
    // Nothing may escape: an exception on this thread would end the process, and waiting turns and flushes would hang.
    private void Commit(List<Item> batch)
    {
        try
        {
            var writes = batch.Count(i => i.Write is not null);
            if (writes > 0)
            {
                using (_gate.EnterAfterWaiting()) WriteAll(batch, writes);
                Volatile.Write(ref _lastWrite, Environment.TickCount64);
            }
        }
        catch (Exception ex) { _logger.LogError(ex, "A batch of queued LiteDB writes failed"); }
        finally
        {
            foreach (var item in batch)
            {
                try { item.Committed?.Invoke(); }
                catch (Exception ex) { _logger.LogError(ex, "A callback after a LiteDB commit failed"); }
                item.Flushed?.TrySetResult();
                if (item.Write is not null) _room.Release();
            }
        }
    }

    private void WriteAll(List<Item> batch, int writes)
    {
        if (writes > 1 && TryBegin(writes))
        {
            if (batch.All(TryWrite) && TryCommit(writes)) return;
            // LiteDB rolls an explicit transaction back when one of its operations throws, taking the batch's earlier
            // writes with it. Make sure nothing is half-applied, then give each write its own transaction, so one bad
            // write costs only itself.
            try { _database.Rollback(); }
            catch (Exception ex) { _logger.LogError(ex, "Rolling back a failed batch of LiteDB writes failed"); }
            _logger.LogWarning("Replaying {Count} queued LiteDB writes one by one after a failure in their batch", writes);
        }
        foreach (var item in batch) TryWrite(item);
    }

    private bool TryWrite(Item item)
    {
        if (item.Write is null) return true;
        try
        {
            item.Write(_database);
            return true;
        }
        catch (Exception ex)
        {
            if (item.CallerHandlesErrors) _logger.LogDebug(ex, "A LiteDB write failed; its caller gets the exception");
            else _logger.LogError(ex, "A queued LiteDB write failed");
            return false;
        }
    }

    private bool TryBegin(int writes)
    {
        try { return _database.BeginTrans(); }
        catch (Exception ex)
        {
            // e.g. the engine is closing or hit an I/O error: each write then gets its own attempt (and its own error).
            _logger.LogError(ex, "LiteDB refused a transaction for {Count} queued writes; writing them one by one", writes);
            return false;
        }
    }

    private bool TryCommit(int writes)
    {
        try
        {
            _database.Commit();
            return true;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Committing {Count} queued LiteDB writes failed", writes);
            return false;
        }
    }

    public void Dispose()
    {
        _completed = true;
        _signal.Release();
        _thread.Join(TimeSpan.FromSeconds(30));
    }

    private sealed record Item(Action<LiteDatabase>? Write, Action? Committed, TaskCompletionSource? Flushed)
    {
        /// <summary>A <see cref="Run{T}"/> write: its exception goes back to the caller (e.g. an expected duplicate key), not to the log.</summary>
        public bool CallerHandlesErrors { get; init; }
    }
}
