using LiteDB;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.Storage;

/// <summary>The one LiteDB database of the process. LiteDB is thread-safe within one instance, so every store shares it.</summary>
public sealed class LiteDbContext : IDisposable
{
    public LiteDbContext(IOptions<StorageOptions> options)
    {
        var folder = Path.GetFullPath(options.Value.DataFolder);
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, options.Value.FileName);
        Database = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct });
    }

    public LiteDatabase Database { get; }
    public string FilePath { get; }

    public ILiteCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

    public void Dispose() => Database.Dispose();
}
