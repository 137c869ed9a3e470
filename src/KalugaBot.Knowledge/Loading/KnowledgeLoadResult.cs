using KalugaBot.Knowledge.Facts;

namespace KalugaBot.Knowledge.Loading;

/// <summary>A snapshot when the folder is valid; otherwise every problem found (never just the first).</summary>
public sealed record KnowledgeLoadResult(KnowledgeSnapshot? Snapshot, IReadOnlyList<KnowledgeProblem> Problems)
{
    public bool IsValid => Snapshot is not null && Problems.Count == 0;
}
