using KalugaBot.Protocol.Storage;
using KalugaBot.Testing;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.Tests;

/// <summary>LiteDB's page cache grows in small blocks, and a small cache still reads back everything written.</summary>
public sealed class CacheSegmentTests
{
    [Fact]
    public async Task The_host_caps_LiteDB_cache_blocks_at_100_pages()
    {
        LiteDbCacheSegments.Cap(1000, NullLogger.Instance); // LiteDB's own sizes, up to 1,000 pages
        await using var app = new KalugaBotApp();
        using var client = app.CreateClient();
        // Empty if a LiteDB update renamed the field: the cap would silently stop working.
        Assert.NotEmpty(LiteDbCacheSegments.Current);
        Assert.All(LiteDbCacheSegments.Current, pages => Assert.InRange(pages, 12, 100));
    }

    [Fact]
    public async Task A_cache_block_size_outside_12_to_1000_pages_is_refused_at_start()
    {
        await using var app = new KalugaBotApp(new Dictionary<string, string?> { ["Storage:CacheSegmentPages"] = "5" });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("CacheSegmentPages", error.ToString());
    }

    [Fact]
    public void With_the_smallest_blocks_thousands_of_pages_are_written_and_read_back_intact()
    {
        using var temp = new TestFolder();
        var folder = temp.Path;
        try
        {
            // 3,000 documents of 4 KB are ~1,500 pages, far more than a few 12-page blocks: cached pages must be reused.
            using (var db = new LiteDbContext(Options.Create(new StorageOptions { DataFolder = folder, CacheSegmentPages = 12 }), NullLogger<LiteDbContext>.Instance))
            {
                var rows = db.Collection<BsonDocument>("rows");
                foreach (var i in Enumerable.Range(0, 3000))
                    db.Writes.Enqueue(_ => rows.Insert(new BsonDocument { ["_id"] = i, ["text"] = new string((char)('a' + i % 26), 4000) }));
                db.Writes.Flush();
                Assert.Equal(3000, db.Writes.Run(_ => rows.Count()));
                Assert.All(db.Writes.Run(_ => rows.FindAll().ToList()), d => Assert.Equal(new string((char)('a' + d["_id"].AsInt32 % 26), 4000), d["text"].AsString));
            }
            using var reopened = new LiteDbContext(Options.Create(new StorageOptions { DataFolder = folder, CacheSegmentPages = 12 }), NullLogger<LiteDbContext>.Instance);
            var again = reopened.Collection<BsonDocument>("rows");
            Assert.Equal(new string((char)('a' + 2999 % 26), 4000), reopened.Writes.Run(_ => again.FindById(2999))["text"].AsString);
        }
        finally
        {
            LiteDbCacheSegments.Cap(new StorageOptions().CacheSegmentPages, NullLogger.Instance); // the process-wide default again
        }
    }
}
