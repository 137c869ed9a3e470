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
        LogFilePath = Path.Combine(folder, Path.GetFileNameWithoutExtension(FilePath) + "-log" + Path.GetExtension(FilePath));
        var log = (ILogger?)logger ?? NullLogger.Instance;
        _engine = new SerializedLiteEngine(() => new LiteEngine(new EngineSettings { Filename = FilePath }), log);
        Database = new LiteDatabase(_engine, _mapper);
        // LiteDB 5.0.21's own checkpoints (log pages copied into the data file by an engine that has been running) left a
        // file that failed the next start with "page type must be collection page" in 15 of 96 restarts under load; with
        // none 0 of 24 did, and with just this one, before this process writes anything, 0 of 24. So LiteDB never
        // checkpoints by itself: the log is folded in here, and later only by reopening the file (FoldLog).
        Database.Pragma("CHECKPOINT", 0);
        Database.Checkpoint();
        Writes = new LiteDbWriteQueue(Database, _engine.Gate, log);
    }

    private readonly SerializedLiteEngine _engine;

    public string LogFilePath { get; }

    /// <summary>Size of LiteDB's log file (writes not yet folded into the data file).</summary>
    public long LogFileBytes => File.Exists(LogFilePath) ? new FileInfo(LogFilePath).Length : 0;

    /// <summary>Folds the log into the data file the way a start does: close, open, checkpoint. Calls wait meanwhile.</summary>
    public bool FoldLog() => _engine.Recycle();

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
