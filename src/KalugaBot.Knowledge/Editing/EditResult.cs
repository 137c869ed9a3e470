using KalugaBot.Knowledge.Loading;

namespace KalugaBot.Knowledge.Editing;

/// <summary>Outcome of a staff edit: on failure nothing was written and <see cref="Problems"/> says why.</summary>
public sealed record EditResult(bool Succeeded, IReadOnlyList<KnowledgeProblem> Problems)
{
    public static readonly EditResult Success = new(true, []);

    public static EditResult Failed(string file, string? entry, string? field, string message) =>
        new(false, [new KnowledgeProblem(file, entry, field, message)]);
}
