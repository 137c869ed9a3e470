using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.Storage;

/// <summary>The one LiteDB database of the process; every store shares it, and it lets one call into LiteDB at a time
/// (<see cref="SerializedLiteEngine"/>).</summary>
public sealed class LiteDbContext : IDisposable
{
    // A mapper per database, not BsonMapper.Global: parallel hosts in one process (tests) then never share mapping state.
    private readonly BsonMapper _mapper = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> _mapped = new();

    public LiteDbContext(IOptions<StorageOptions> options, ILogger<LiteDbContext>? logger = null)
    {
        var folder = Path.GetFullPath(options.Value.DataFolder);
        Directory.CreateDirectory(folder);
        DataFolder = folder;
        FilePath = Path.Combine(folder, options.Value.FileName);
        var log = (ILogger?)logger ?? NullLogger.Instance;
        var engine = new SerializedLiteEngine(() => new LiteEngine(new EngineSettings { Filename = FilePath }), log);
        Database = new LiteDatabase(engine, _mapper);
        // LiteDB 5.0.21's checkpoint (log pages copied into the data file) left a file that failed the next start with
        // "page type must be collection page" in 15 of 96 restarts under load; with no checkpoint at all 0 of 24 did, and
        // with just this one, before this process writes anything, 0 of 24. The log file therefore grows while the host runs.
        Database.Pragma("CHECKPOINT", 0);
        Database.Checkpoint();
        Writes = new LiteDbWriteQueue(Database, engine.Gate, log);
    }

    public LiteDatabase Database { get; }
    public string FilePath { get; }
    public string DataFolder { get; }

    /// <summary>Batched background writes for hot-path data (transcripts, state, Direct Line logs).</summary>
    public LiteDbWriteQueue Writes { get; }

    public ILiteCollection<T> Collection<T>(string name)
    {
        WarmUp<T>();
        return Database.GetCollection<T>(name);
    }

    // LiteDB publishes a type's mapping before its members are filled in, so two threads mapping a type for the
    // first time can see "Member … not found on BsonMapper". Build each mapping once, under a lock, before first use.
    private void WarmUp<T>()
    {
        if (_mapped.ContainsKey(typeof(T))) return;
        lock (_mapped)
        {
            if (_mapped.ContainsKey(typeof(T))) return;
            if (typeof(T).GetConstructor(Type.EmptyTypes) is not null && typeof(T) != typeof(BsonDocument))
                _mapper.ToDocument(Activator.CreateInstance<T>());
            _mapped[typeof(T)] = true;
        }
    }

    public void Dispose()
    {
        Writes.Dispose(); // drain queued writes before the file closes
        Database.Dispose();
    }
}
