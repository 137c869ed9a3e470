using KalugaBot.Protocol.Storage;
using LiteDB;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.Tests;

/// <summary>New data files compare strings ordinally (ignoring case); files made before keep LiteDB's default collation
/// until they are rebuilt, and open, fold and rebuild without losing a row.</summary>
public sealed class CollationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kalugabot-tests", Guid.NewGuid().ToString("N"));
    private string DataFile => Path.Combine(_folder, new StorageOptions().FileName);

    private LiteDbContext Open() => new(Options.Create(new StorageOptions { DataFolder = _folder }));

    private static string CollationOf(LiteDbContext db) => db.Database.Pragma("COLLATION").AsString;

    [Fact]
    public void A_new_file_compares_keys_ordinally_ignoring_case()
    {
        using var db = Open();
        Assert.Equal(LiteDbContext.NewFileCollation.ToString(), CollationOf(db));
        var rows = db.Collection<BsonDocument>("rows");
        rows.Insert(new BsonDocument { ["_id"] = "Conv-A|000000002" });
        rows.Insert(new BsonDocument { ["_id"] = "Conv-B|000000001" });
        rows.Insert(new BsonDocument { ["_id"] = "Conv-A|000000001" });

        Assert.NotNull(rows.FindById("conv-a|000000001")); // ids stay case-insensitive, as with LiteDB's default
        var range = rows.Find(Query.Between("_id", "Conv-A|", "Conv-A|~")).Select(r => r["_id"].AsString).ToList();
        Assert.Equal(["Conv-A|000000001", "Conv-A|000000002"], range);
    }

    [Fact]
    public void A_file_made_with_the_default_collation_opens_folds_and_rebuilds_without_losing_rows()
    {
        Directory.CreateDirectory(_folder);
        string before;
        using (var old = new LiteDatabase(DataFile))
        {
            old.GetCollection("rows").Insert(new BsonDocument { ["_id"] = "Conv-A|000000001", ["text"] = "kept" });
            before = old.Pragma("COLLATION").AsString;
        }
        Assert.NotEqual(LiteDbContext.NewFileCollation.ToString(), before);

        using var db = Open();
        Assert.Equal(before, CollationOf(db)); // opened with its own collation, not refused
        var rows = db.Collection<BsonDocument>("rows");
        db.Writes.Run(_ => rows.Insert(new BsonDocument { ["_id"] = "Conv-A|000000002", ["text"] = "new" }));
        Assert.True(db.FoldLog());
        Assert.Equal("kept", rows.FindById("conv-a|000000001")["text"].AsString);

        db.Rebuild();
        Assert.Equal(LiteDbContext.NewFileCollation.ToString(), CollationOf(db));
        Assert.True(db.FoldLog()); // reopens the rebuilt file
        Assert.Equal(["kept", "new"], rows.FindAll().Select(r => r["text"].AsString).Order().ToList());
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
