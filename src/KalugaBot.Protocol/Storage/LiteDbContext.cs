using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.Storage;

/// <summary>The one LiteDB database of the process. LiteDB is thread-safe within one instance, so every store shares it.</summary>
public sealed class LiteDbContext : IDisposable
{
    public LiteDbContext(IOptions<StorageOptions> options, ILogger<LiteDbContext>? logger = null)
    {
        var folder = Path.GetFullPath(options.Value.DataFolder);
        Directory.CreateDirectory(folder);
        DataFolder = folder;
        FilePath = Path.Combine(folder, options.Value.FileName);
        Database = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct });
        Writes = new LiteDbWriteQueue(Database, (ILogger?)logger ?? NullLogger.Instance);
    }

    public LiteDatabase Database { get; }
    public string FilePath { get; }
    public string DataFolder { get; }

    /// <summary>Batched background writes for hot-path data (transcripts, state, Direct Line logs).</summary>
    public LiteDbWriteQueue Writes { get; }

    public ILiteCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

    public void Dispose()
    {
        Writes.Dispose(); // drain queued writes before the file closes
        Database.Dispose();
    }
}
