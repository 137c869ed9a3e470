using KalugaBot.Protocol.Storage;
using LiteDB;

namespace KalugaBot.Host.Staff.Conversations;

public sealed class ReviewNote
{
    public DateTime AtUtc { get; set; }
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>Staff's tags, notes and reviewed flag for one conversation (LiteDB "staff_reviews"); kept apart from the transcript.</summary>
public sealed class ConversationReview
{
    public string Id { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public List<ReviewNote> Notes { get; set; } = [];
    public bool Reviewed { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedUtc { get; set; }
}

public sealed class ConversationReviews
{
    public const int MaxTagLength = 40;
    public const int MaxNoteLength = 4000;
    private readonly ILiteCollection<ConversationReview> _reviews;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();

    public ConversationReviews(LiteDbContext db, TimeProvider clock)
    {
        _reviews = db.Collection<ConversationReview>("staff_reviews");
        _clock = clock;
    }

    public ConversationReview Get(string conversationId) => _reviews.FindById(conversationId) ?? new ConversationReview { Id = conversationId };

    public IReadOnlyList<ConversationReview> All() => _reviews.FindAll().ToList();

    public IReadOnlyList<string> AllTags() => All().SelectMany(r => r.Tags).Distinct().Order().ToList();

    /// <summary>Tags are lower-case words without markup; blank or over-long ones are refused.</summary>
    public static string? NormalizeTag(string? tag)
    {
        var t = new string((tag ?? "").Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ').ToArray()).Trim();
        return t.Length is 0 or > MaxTagLength ? null : t;
    }

    public bool AddTag(string conversationId, string? tag) => Change(conversationId, r =>
    {
        if (NormalizeTag(tag) is not { } t || r.Tags.Contains(t)) return false;
        r.Tags.Add(t);
        return true;
    });

    public bool RemoveTag(string conversationId, string? tag) => Change(conversationId, r => NormalizeTag(tag) is { } t && r.Tags.Remove(t));

    public bool AddNote(string conversationId, string author, string? text) => Change(conversationId, r =>
    {
        var note = (text ?? "").Trim();
        if (note.Length is 0 or > MaxNoteLength) return false;
        r.Notes.Add(new ReviewNote { AtUtc = _clock.GetUtcNow().UtcDateTime, Author = author, Text = note });
        return true;
    });

    public bool SetReviewed(string conversationId, string author, bool reviewed) => Change(conversationId, r =>
    {
        r.Reviewed = reviewed;
        r.ReviewedBy = reviewed ? author : null;
        r.ReviewedUtc = reviewed ? _clock.GetUtcNow().UtcDateTime : null;
        return true;
    });

    public void Delete(string conversationId) => _reviews.Delete(conversationId);

    private bool Change(string conversationId, Func<ConversationReview, bool> change)
    {
        lock (_gate)
        {
            var review = Get(conversationId);
            if (!change(review)) return false;
            _reviews.Upsert(review);
            return true;
        }
    }
}
