using KalugaBot.Protocol.Storage;
using KalugaBot.Protocol.Transcripts;
using LiteDB;

namespace KalugaBot.Host.Staff.Conversations;

/// <summary>Lists conversations newest activity first with the staff filters; paging happens after the set filters.</summary>
public sealed class ConversationQuery(LiteDbContext db, ConversationReviews reviews, IEnumerable<IConversationMarkSource> markSources)
{
    private static readonly BsonExpression KeyFields = BsonExpression.Create("{ _id: $._id, Locale: $.Locale }");
    private readonly ILiteCollection<ConversationRecord> _conversations = db.Collection<ConversationRecord>("conversations");

    public (IReadOnlyList<ConversationRow> Rows, int Total) List(ConversationFilter filter)
    {
        db.Writes.Flush(); // transcripts are written behind; staff must see the turn that just happened
        var marks = markSources.GroupBy(s => s.Mark).ToDictionary(g => g.Key, g => g.SelectMany(s => s.ConversationIds()).ToHashSet());
        HashSet<string> Marked(string mark) => marks.TryGetValue(mark, out var set) ? set : [];
        var leads = Marked(ConversationMarkNames.Lead);
        var unanswered = Marked(ConversationMarkNames.Unanswered);
        var handedOff = Marked(ConversationMarkNames.HandedOff);
        var reviewMap = reviews.All().ToDictionary(r => r.Id);

        var query = _conversations.Query();
        if (filter.From is { } from) query = query.Where(c => c.LastActivityUtc >= from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (filter.To is { } to) query = query.Where(c => c.LastActivityUtc < to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (!string.IsNullOrWhiteSpace(filter.Channel)) query = query.Where(c => c.ChannelId == filter.Channel);

        var language = string.IsNullOrWhiteSpace(filter.Language) ? null : filter.Language.Trim().ToLowerInvariant();
        var tag = ConversationReviews.NormalizeTag(filter.Tag);
        // Only ids and locales of the whole ordered set: LiteDB hands a query over in one piece, and full rows of every
        // conversation would outlive the young generation on each request. Full rows are read for the page alone.
        var matches = query.OrderByDescending(c => c.LastActivityUtc).Select(KeyFields).ToDocuments()
            .Select(d => (Id: d["_id"].AsString, Locale: d["Locale"].IsString ? d["Locale"].AsString : null))
            .Where(c =>
                (language is null || (c.Locale ?? "").StartsWith(language, StringComparison.OrdinalIgnoreCase)) &&
                Pass(filter.HasLead, leads.Contains(c.Id)) &&
                Pass(filter.HasUnanswered, unanswered.Contains(c.Id)) &&
                Pass(filter.HandedOff, handedOff.Contains(c.Id)) &&
                Pass(filter.Reviewed, reviewMap.TryGetValue(c.Id, out var r) && r.Reviewed) &&
                (tag is null || (reviewMap.TryGetValue(c.Id, out var t) && t.Tags.Contains(tag))));

        var size = Math.Clamp(filter.PageSize, 5, 200);
        var page = Math.Max(1, filter.Page);
        var total = 0;
        var rows = new List<ConversationRow>(size);
        foreach (var key in matches)
        {
            if (total >= (page - 1) * size && rows.Count < size && _conversations.FindById(key.Id) is { } c)
            {
                var review = reviewMap.GetValueOrDefault(c.Id);
                rows.Add(new ConversationRow(c.Id, c.ChannelId, c.Locale, c.CreatedUtc, c.LastActivityUtc, c.MessageCount,
                    leads.Contains(c.Id), unanswered.Contains(c.Id), handedOff.Contains(c.Id), review?.Reviewed ?? false, review?.Tags ?? []));
            }
            total++;
        }
        return (rows, total);
    }

    public ConversationRecord? Find(string id)
    {
        db.Writes.Flush();
        return _conversations.FindById(id);
    }

    private (DateTime At, IReadOnlyList<string> Channels) _channels = (DateTime.MinValue, []);

    /// <summary>Channel names for the filter drop-down; cached for a minute since it scans every conversation.</summary>
    public IReadOnlyList<string> Channels()
    {
        if (DateTime.UtcNow - _channels.At < TimeSpan.FromMinutes(1)) return _channels.Channels;
        var channels = _conversations.Query().Select(c => c.ChannelId).ToEnumerable().Distinct().Order().ToList();
        _channels = (DateTime.UtcNow, channels);
        return channels;
    }

    private static bool Pass(bool? wanted, bool actual) => wanted is null || wanted == actual;
}
