using KalugaBot.Bot.Routing;
using KalugaBot.Protocol.Storage;
using LiteDB;

namespace KalugaBot.Bot.Questions;

/// <summary><see cref="IUnansweredQuestions"/> in the process's LiteDB, collection <c>unanswered</c>.</summary>
public sealed class LiteDbUnansweredQuestions : IUnansweredQuestions
{
    public const string CollectionName = "unanswered";
    /// <summary>Long messages are stored cut: staff need the gist, not 10,000 characters.</summary>
    public const int MaxStoredText = 2000;

    private readonly ILiteCollection<UnansweredQuestion> _collection;
    private readonly LiteDbWriteQueue _writes;

    public LiteDbUnansweredQuestions(LiteDbContext db)
    {
        _writes = db.Writes;
        _collection = db.Collection<UnansweredQuestion>(CollectionName);
        _collection.EnsureIndex(q => q.AtUtc);
        _collection.EnsureIndex(q => q.Resolved);
    }

    public Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken = default)
    {
        if (question.Text.Length > MaxStoredText) question.Text = question.Text[..MaxStoredText] + "…";
        _writes.Run(_ => _collection.Insert(question));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UnansweredQuestion>> ListAsync(bool includeResolved = false, int limit = 200, CancellationToken cancellationToken = default)
    {
        var query = includeResolved ? _collection.Query() : _collection.Query().Where(q => !q.Resolved);
        IReadOnlyList<UnansweredQuestion> list = query.OrderByDescending(q => q.AtUtc).Limit(limit).ToList();
        return Task.FromResult(list);
    }

    public Task<IReadOnlyList<UnansweredGroup>> GroupAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<UnansweredGroup> groups = _collection.Find(q => !q.Resolved).ToList()
            .GroupBy(q => IntentWords.Normalize(q.Text))
            .Select(g => new UnansweredGroup(
                g.OrderByDescending(q => q.AtUtc).First().Text, g.Count(),
                g.Select(q => q.Language).Distinct().Order().ToList(), g.Max(q => q.AtUtc), g.Select(q => q.Id).ToList()))
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastAtUtc)
            .ToList();
        return Task.FromResult(groups);
    }

    public Task<bool> ResolveAsync(Guid id, string resolvedBy, string? note = null, CancellationToken cancellationToken = default)
    {
        return Task.FromResult(_writes.Run(_ =>
        {
            if (_collection.FindById(id) is not { } question) return false;
            question.Resolved = true;
            question.ResolvedAtUtc = DateTime.UtcNow;
            question.ResolvedBy = resolvedBy;
            question.ResolutionNote = note;
            return _collection.Update(question);
        }));
    }
}
