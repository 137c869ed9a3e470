using LiteDB;
using LiteDB.Engine;

namespace KalugaBot.Protocol.Storage;

/// <summary>
/// A LiteDB engine that lets one call in at a time, and reads each query to its end before letting the next one in.
/// </summary>
/// <remarks>
/// LiteDB 5.0.21 corrupts its page cache when a read runs beside a write or a checkpoint ("page type must be index
/// page", then the engine closes the file for good; litedb-org/LiteDB#2120 shows the same with one reader and one
/// writer). Its own locks do not prevent it, so this one does. The write queue holds <see cref="Gate"/> for a whole
/// batch: a thread that waited here for LiteDB's collection lock while the batch held it would never get it.
/// </remarks>
public sealed class SerializedLiteEngine(ILiteEngine inner) : ILiteEngine
{
    public LiteDbGate Gate { get; } = new();

    public IBsonDataReader Query(string collection, Query query)
    {
        using (Gate.Enter())
        {
            // Materialise before leaving: a reader that is still open keeps LiteDB's read transaction open.
            using var reader = inner.Query(collection, query);
            var values = new List<BsonValue>();
            while (reader.Read()) values.Add(reader.Current);
            return new ListDataReader(values, collection);
        }
    }

    public int Checkpoint() { using (Gate.Enter()) return inner.Checkpoint(); }
    public long Rebuild(RebuildOptions options) { using (Gate.Enter()) return inner.Rebuild(options); }
    public bool BeginTrans() { using (Gate.Enter()) return inner.BeginTrans(); }
    public bool Commit() { using (Gate.Enter()) return inner.Commit(); }
    public bool Rollback() { using (Gate.Enter()) return inner.Rollback(); }

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    { using (Gate.Enter()) return inner.Insert(collection, docs, autoId); }

    public int Update(string collection, IEnumerable<BsonDocument> docs)
    { using (Gate.Enter()) return inner.Update(collection, docs); }

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate)
    { using (Gate.Enter()) return inner.UpdateMany(collection, transform, predicate); }

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    { using (Gate.Enter()) return inner.Upsert(collection, docs, autoId); }

    public int Delete(string collection, IEnumerable<BsonValue> ids)
    { using (Gate.Enter()) return inner.Delete(collection, ids); }

    public int DeleteMany(string collection, BsonExpression predicate)
    { using (Gate.Enter()) return inner.DeleteMany(collection, predicate); }

    public bool DropCollection(string name) { using (Gate.Enter()) return inner.DropCollection(name); }
    public bool RenameCollection(string name, string newName) { using (Gate.Enter()) return inner.RenameCollection(name, newName); }

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique)
    { using (Gate.Enter()) return inner.EnsureIndex(collection, name, expression, unique); }

    public bool DropIndex(string collection, string name) { using (Gate.Enter()) return inner.DropIndex(collection, name); }
    public BsonValue Pragma(string name) { using (Gate.Enter()) return inner.Pragma(name); }
    public bool Pragma(string name, BsonValue value) { using (Gate.Enter()) return inner.Pragma(name, value); }
    public void Dispose() { using (Gate.Enter()) inner.Dispose(); }

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
