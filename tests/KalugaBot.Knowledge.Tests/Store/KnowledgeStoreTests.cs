using KalugaBot.Knowledge.Loading;
using KalugaBot.Knowledge.Store;

namespace KalugaBot.Knowledge.Tests.Store;

public class KnowledgeStoreTests
{
    [Fact]
    public void Refuses_an_invalid_folder_at_construction()
    {
        using var folder = new TempKnowledge().Write("facts/region.yaml", TempKnowledge.ValidFacts.Replace("https://example.org/size", "nope"));

        var error = Assert.Throws<KnowledgeValidationException>(() => new KnowledgeStore(folder.Folder));

        Assert.Contains("values[0].source", error.Message);
    }

    [Fact]
    public void Reload_that_fails_keeps_the_last_good_snapshot_and_raises_nothing()
    {
        using var folder = new TempKnowledge();
        var store = new KnowledgeStore(folder.Folder);
        var good = store.Current;
        var raised = 0;
        store.Changed += (_, _) => raised++;

        folder.Write("facts/region.yaml", TempKnowledge.ValidFacts.Replace("as_of: undated", "as_of: whenever"));
        var result = store.Reload();

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Field == "values[0].as_of");
        Assert.Same(good, store.Current);
        Assert.Equal(0, raised);
    }

    [Fact]
    public void Successful_reload_swaps_the_snapshot_and_raises_Changed()
    {
        using var folder = new TempKnowledge();
        var store = new KnowledgeStore(folder.Folder);
        var before = store.Current;
        KnowledgeChangedEventArgs? seen = null;
        store.Changed += (_, e) => seen = e;

        folder.Write("facts/region.yaml", TempKnowledge.ValidFacts.Replace("value: 29900", "value: 29777"));
        var result = store.Reload();

        Assert.True(result.IsValid);
        Assert.NotSame(before, store.Current);
        Assert.Equal(29777, store.Current.Fact("region-size")!.Newest!.Number);
        Assert.Same(before, seen!.Previous);
        Assert.Same(store.Current, seen.Current);
    }

    [Fact]
    public void Reload_after_fixing_the_folder_recovers()
    {
        using var folder = new TempKnowledge();
        var store = new KnowledgeStore(folder.Folder);
        folder.Write("parks/alpha-park.yaml", "id: [");
        Assert.False(store.Reload().IsValid);

        folder.Write("parks/alpha-park.yaml", TempKnowledge.ValidPark);

        Assert.True(store.Reload().IsValid);
        Assert.NotNull(store.Current.Park("alpha-park"));
    }
}
