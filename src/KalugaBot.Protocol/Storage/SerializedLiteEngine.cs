using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Protocol.Storage;

/// <summary>
/// A LiteDB engine that lets one call in at a time, reads each query to its end before letting the next one in, and
/// reopens the file when LiteDB has closed it after an internal error.
/// </summary>
/// <remarks>
/// LiteDB 5.0.21 corrupts its page cache when a read runs beside a write ("page type must be index page", "pages in
/// memory store must be non-shared"; litedb-org/LiteDB#2120 shows it with one reader and one writer), and then refuses
/// every later call. Its own locks do not prevent it, so this one does. The write queue holds <see cref="Gate"/> for a
/// whole batch: a thread that waited here for LiteDB's collection lock while the batch held it would never get it.
/// </remarks>
public sealed class SerializedLiteEngine : ILiteEngine
{
    // A file that fails again right after reopening is not reopened in a loop.
    private static readonly TimeSpan ReopenInterval = TimeSpan.FromSeconds(1);
    private readonly Func<ILiteEngine> _open;
    private readonly ILogger _logger;
    private ILiteEngine _inner;
    private long _lastReopen;
    private bool _disposed;

    /// <param name="open">Opens the file; called once now, again after LiteDB closed it on an internal error, and on
    /// <see cref="Recycle"/>.</param>
    public SerializedLiteEngine(Func<ILiteEngine> open, ILogger logger)
    {
        _open = open;
        _logger = logger;
        _inner = open();
    }

    public LiteDbGate Gate { get; } = new();

    public IBsonDataReader Query(string collection, Query query) => Call((collection, query), static (engine, a) =>
    {
        // Materialise before leaving the gate: an open reader keeps LiteDB's read transaction open.
        using var reader = engine.Query(a.collection, a.query);
        var values = new List<BsonValue>();
        while (reader.Read()) values.Add(reader.Current);
        return (IBsonDataReader)new ListDataReader(values, a.collection);
    });

    public int Checkpoint() => Call(0, static (engine, _) => engine.Checkpoint());
    public long Rebuild(RebuildOptions options) => Call(options, static (engine, o) => engine.Rebuild(o));
    public bool BeginTrans() => Call(0, static (engine, _) => engine.BeginTrans());
    public bool Commit() => Call(0, static (engine, _) => engine.Commit());
    public bool Rollback() => Call(0, static (engine, _) => engine.Rollback());

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) =>
        Call((collection, docs, autoId), static (engine, a) => engine.Insert(a.collection, a.docs, a.autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) =>
        Call((collection, docs), static (engine, a) => engine.Update(a.collection, a.docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) =>
        Call((collection, transform, predicate), static (engine, a) => engine.UpdateMany(a.collection, a.transform, a.predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) =>
        Call((collection, docs, autoId), static (engine, a) => engine.Upsert(a.collection, a.docs, a.autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) =>
        Call((collection, ids), static (engine, a) => engine.Delete(a.collection, a.ids));

    public int DeleteMany(string collection, BsonExpression predicate) =>
        Call((collection, predicate), static (engine, a) => engine.DeleteMany(a.collection, a.predicate));

    public bool DropCollection(string name) => Call(name, static (engine, n) => engine.DropCollection(n));

    public bool RenameCollection(string name, string newName) =>
        Call((name, newName), static (engine, a) => engine.RenameCollection(a.name, a.newName));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) =>
        Call((collection, name, expression, unique), static (engine, a) => engine.EnsureIndex(a.collection, a.name, a.expression, a.unique));

    public bool DropIndex(string collection, string name) => Call((collection, name), static (engine, a) => engine.DropIndex(a.collection, a.name));
    public BsonValue Pragma(string name) => Call(name, static (engine, n) => engine.Pragma(n));
    public bool Pragma(string name, BsonValue value) => Call((name, value), static (engine, a) => engine.Pragma(a.name, a.value));

    public void Dispose()
    {
        using (Gate.Enter())
        {
            if (_disposed) return;
            _disposed = true;
            _inner.Dispose();
        }
    }

    /// <summary>Closes the file and opens it again as a start does; false once disposed.</summary>
    /// <remarks>With <see cref="LiteDbContext"/>'s open, which folds the log into the data file, this is how the log is
    /// kept short without LiteDB's own checkpoint on a running engine. A fresh engine also drops the log's page index and
    /// page cache, which otherwise only grow.</remarks>
    public bool Recycle()
    {
        using (Gate.Enter())
        {
            if (_disposed) return false;
            _inner.Dispose();
            _inner = _open();
            return true;
        }
    }

    private TResult Call<TArgs, TResult>(TArgs args, Func<ILiteEngine, TArgs, TResult> call)
    {
        using (Gate.Enter())
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try { return call(_inner, args); }
            catch (Exception) when (!IsOpen()) // an expected refusal, e.g. a duplicate key, leaves the engine open
            {
                Reopen();
                throw; // the call that met the failure still fails; the next one finds the file open again
            }
        }
    }

    private bool IsOpen()
    {
        try
        {
            // A query, because it checks the engine's state (a pragma is answered from memory even after a close);
            // the collection does not exist, so nothing is read.
            using var reader = _inner.Query("engine_probe", new Query());
            reader.Read();
            return true;
        }
        catch (Exception) { return false; }
    }

    private void Reopen()
    {
        if (Environment.TickCount64 - _lastReopen < ReopenInterval.TotalMilliseconds) return;
        _lastReopen = Environment.TickCount64;
        try { _inner.Dispose(); }
        catch (Exception ex) { _logger.LogDebug(ex, "Closing the failed LiteDB engine threw"); }
        try
        {
            _inner = _open();
            _logger.LogWarning("LiteDB had closed the database after an internal error; it is open again");
        }
        catch (Exception ex) { _logger.LogError(ex, "Reopening the LiteDB database failed; the next failing call tries again"); }
    }

    private sealed class ListDataReader(List<BsonValue> values, string collection) : IBsonDataReader
    {
        private int _index = -1;

        public BsonValue this[string field] => Current.AsDocument[field] ?? BsonValue.Null;
        public string Collection => collection;
        public BsonValue Current => _index >= 0 && _index < values.Count ? values[_index] : BsonValue.Null;
        public bool HasValues => values.Count > 0;
        public bool Read() => ++_index < values.Count;
        public void Dispose() { }
    }
}
