using KalugaBot.Bot.Paths;
using KalugaBot.Knowledge.Search;
using KalugaBot.Knowledge.Store;

namespace KalugaBot.Knowledge.Tests.Search;

public sealed class IndexRebuildTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kalugabot-knowledge-" + Guid.NewGuid().ToString("N"));

    public IndexRebuildTests() => CopyFolder(RepoPaths.Find("knowledge"), _folder);

    [Fact]
    public async Task A_reload_of_the_knowledge_rebuilds_the_index()
    {
        var store = new KnowledgeStore(_folder);
        using var search = new KnowledgeSearch(store);
        Assert.NotEqual("sez-area", (await search.SearchAsync("flamingo quarters", "en")).Best?.Id);

        Directory.CreateDirectory(Path.Combine(_folder, "aliases"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "aliases", "test.yaml"),
            "aliases:\n  - {target: sez-area, lang: en, alias: flamingo quarters}\n");
        var reload = store.Reload();

        Assert.True(reload.IsValid, string.Join("; ", reload.Problems));
        Assert.Equal("sez-area", (await search.SearchAsync("flamingo quarters", "en")).Best?.Id);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to));
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* temp folder, cleaned eventually */ }
    }
}
