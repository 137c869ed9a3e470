namespace KalugaBot.Knowledge.Loading;

/// <summary>Thrown at start-up when the knowledge folder is invalid; the message lists every problem.</summary>
public sealed class KnowledgeValidationException(string folder, IReadOnlyList<KnowledgeProblem> problems)
    : Exception($"The knowledge folder '{folder}' has {problems.Count} problem(s):{Environment.NewLine}"
                + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<KnowledgeProblem> Problems { get; } = problems;
}
