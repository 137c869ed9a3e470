using System.Text.Json.Nodes;
using KalugaBot.Protocol.State;
using KalugaBot.Protocol.Storage;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.Tests;

/// <summary>Bot state on a real LiteDB file: reads are answered from memory where they can be, and never with something
/// the file does not hold once the write is settled.</summary>
public sealed class StateStorageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kalugabot-tests", Guid.NewGuid().ToString("N"));

    private LiteDbContext Open() => new(Options.Create(new StorageOptions { DataFolder = _folder }));

    private static async Task<string?> ReadAsync(IStorage storage, string key) =>
        (await storage.ReadAsync([key])).TryGetValue(key, out var value) ? (string?)value["v"] : null;

    private static Task WriteAsync(IStorage storage, string key, string value) =>
        storage.WriteAsync(new Dictionary<string, JsonObject> { [key] = new() { ["v"] = value } });

    [Fact]
    public async Task Writes_and_deletes_read_back_before_and_after_the_commit_and_after_a_restart()
    {
        using (var db = Open())
        {
            var storage = new LiteDbStorage(db);
            Assert.Null(await ReadAsync(storage, "a")); // read from the file, then remembered as absent
            await WriteAsync(storage, "a", "1");
            await WriteAsync(storage, "b", "1");
            Assert.Equal("1", await ReadAsync(storage, "a")); // pending
            await db.Writes.FlushAsync();
            Assert.Equal("1", await ReadAsync(storage, "a")); // committed
            await WriteAsync(storage, "a", "2");
            await storage.DeleteAsync(["b"]);
            await db.Writes.FlushAsync();
            Assert.Equal("2", await ReadAsync(storage, "a"));
            Assert.Null(await ReadAsync(storage, "b"));
        }
        using var reopened = Open();
        var again = new LiteDbStorage(reopened);
        Assert.Equal("2", await ReadAsync(again, "a"));
        Assert.Null(await ReadAsync(again, "b"));
    }

    [Fact]
    public async Task More_conversations_than_the_cache_holds_all_read_their_own_state()
    {
        using var db = Open();
        var storage = new LiteDbStorage(db);
        var count = LiteDbStorage.MaxCachedRows + 500;
        for (var i = 0; i < count; i++) await WriteAsync(storage, $"k{i}", $"v{i}");
        await db.Writes.FlushAsync();
        for (var round = 0; round < 2; round++) // the second round reads what the first put back after trims
            for (var i = 0; i < count; i++)
                Assert.Equal($"v{i}", await ReadAsync(storage, $"k{i}"));
    }

    [Fact]
    public async Task A_write_the_file_refuses_is_not_served_from_memory_afterwards()
    {
        using var db = Open();
        var storage = new LiteDbStorage(db);
        await WriteAsync(storage, "a", "small");
        await db.Writes.FlushAsync();
        await WriteAsync(storage, "a", new string('x', 17 * 1024 * 1024)); // over LiteDB's 16 MB document limit
        await db.Writes.FlushAsync();
        Assert.Equal("small", await ReadAsync(storage, "a"));
        await WriteAsync(storage, "a", "next"); // and the key goes on working
        await db.Writes.FlushAsync();
        Assert.Equal("next", await ReadAsync(storage, "a"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
