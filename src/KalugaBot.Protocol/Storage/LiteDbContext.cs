using System.Globalization;
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
        LiteDbCacheSegments.Cap(options.Value.CacheSegmentPages, log);
        _engine = new SerializedLiteEngine(() => OpenFolded(FilePath), log);
        Database = new LiteDatabase(_engine, _mapper);
        Writes = new LiteDbWriteQueue(Database, _engine.Gate, log);
    }

    private readonly SerializedLiteEngine _engine;

    public string LogFilePath { get; }

    /// <summary>Size of LiteDB's log file (writes not yet folded into the data file).</summary>
    public long LogFileBytes => new FileInfo(LogFilePath) is { Exists: true } file ? file.Length : 0;

    /// <summary>Folds the log into the data file the way a start does: close, open (<see cref="OpenFolded"/>). Calls wait meanwhile.</summary>
    public bool FoldLog() => _engine.Recycle();

    /// <summary>How a new data file compares strings: ordinal, ignoring case. LiteDB's default compares through the
    /// process culture's collation (ICU here), and every key of every index insert went through it: a quarter of the
    /// writer thread's time under load (bench load, 2026-11-27). A file keeps the collation it was created with until
    /// it is rebuilt (<see cref="Rebuild"/>).</summary>
    public static readonly Collation NewFileCollation = new(CultureInfo.InvariantCulture.LCID, CompareOptions.OrdinalIgnoreCase);

    // LiteDB 5.0.21's own checkpoints (log pages copied into the data file by an engine that has been running) left a file
    // that failed the next start with "page type must be collection page" in 15 of 96 restarts under load; with none 0 of
    // 24 did, and with one right after opening, before anything is written, 0 of 24. So LiteDB never checkpoints by
    // itself, and every open folds the log in first: at start, after an internal error, and when the log has grown.
    private static LiteEngine OpenFolded(string file)
    {
        // An existing file is opened with its own collation (LiteDB refuses one that differs from the settings).
        var existing = new FileInfo(file) is { Exists: true, Length: > 0 };
        var engine = new LiteEngine(new EngineSettings { Filename = file, Collation = existing ? null : NewFileCollation });
        try
        {
            engine.Pragma("CHECKPOINT", 0);
            engine.Checkpoint();
            return engine;
        }
        catch
        {
            engine.Dispose(); // a file left open here could not be opened again
            throw;
        }
    }

    /// <summary>Rewrites the data file without the space of deleted documents, with <see cref="NewFileCollation"/>.</summary>
    public void Rebuild()
    {
        Database.Checkpoint();
        Database.Rebuild(new RebuildOptions { Collation = NewFileCollation });
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
