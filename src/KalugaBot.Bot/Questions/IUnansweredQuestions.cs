namespace KalugaBot.Bot.Questions;

/// <summary>Unanswered and low-confidence questions, recorded by the question feature and read by the staff portal.</summary>
public interface IUnansweredQuestions
{
    Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<UnansweredQuestion>> ListAsync(bool includeResolved = false, int limit = 200, CancellationToken cancellationToken = default);

    /// <summary>Open questions grouped by their normalised text, most frequent first.</summary>
    Task<IReadOnlyList<UnansweredGroup>> GroupAsync(CancellationToken cancellationToken = default);

    /// <returns>False when no question has that id.</returns>
    Task<bool> ResolveAsync(Guid id, string resolvedBy, string? note = null, CancellationToken cancellationToken = default);
}
