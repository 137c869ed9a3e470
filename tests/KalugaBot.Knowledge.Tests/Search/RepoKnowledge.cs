using KalugaBot.Bot.Paths;
using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Search;
using KalugaBot.Knowledge.Store;

namespace KalugaBot.Knowledge.Tests.Search;

/// <summary>The repository's knowledge folder and one search over it, shared by the search tests (building it once keeps them fast).</summary>
public sealed class RepoKnowledge : IDisposable
{
    public RepoKnowledge()
    {
        Folder = RepoPaths.Find("knowledge");
        Store = new KnowledgeStore(Folder);
        Search = new KnowledgeSearch(Store);
    }

    public string Folder { get; }
    public KnowledgeStore Store { get; }
    public KnowledgeSnapshot Snapshot => Store.Current;
    public KnowledgeSearch Search { get; }

    public void Dispose() => Search.Dispose();
}
