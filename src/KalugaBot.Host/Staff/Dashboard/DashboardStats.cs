using KalugaBot.Bot.Leads;
using KalugaBot.Host.Staff.Conversations;
using KalugaBot.Protocol.Storage;
using KalugaBot.Protocol.Transcripts;
using LiteDB;

namespace KalugaBot.Host.Staff.Dashboard;

public sealed record DashboardFigures(
    int Conversations, int Messages, IReadOnlyList<(string, double)> PerDay, IReadOnlyList<(string, double)> Languages,
    IReadOnlyList<(string, double)> Channels, IReadOnlyList<(string, double)> Topics, double UnansweredRate, int Unanswered,
    IReadOnlyList<(string, double)> LeadsPerSite, IReadOnlyList<(string, double)> LeadsPerCountry, int Leads, double? MedianResponseMs);

/// <summary>Dashboard figures from the stores; computed at most once a minute (the list of 10,000 conversations is not free).</summary>
public sealed class DashboardStats(LiteDbContext db, ConversationMarks marks, ConversationReviews reviews, ILeadStore leads,
    IEnumerable<IConversationMarkSource> markSources, TimeProvider clock)
{
    private readonly ILiteCollection<ConversationRecord> _conversations = db.Collection<ConversationRecord>("conversations");
    private (DateTime At, DashboardFigures? Figures) _cache;

    public void Invalidate() => _cache = default;

    public async Task<DashboardFigures> GetAsync(int days, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_cache.Figures is { } cached && now - _cache.At < TimeSpan.FromMinutes(1) && cached.PerDay.Count == days) return cached;

        var since = now.Date.AddDays(1 - days);
        var conversations = _conversations.Find(c => c.CreatedUtc >= since).ToList();
        var perDay = Enumerable.Range(0, days).Select(i => since.AddDays(i))
            .Select(d => (d.ToString("MM-dd"), (double)conversations.Count(c => c.CreatedUtc.Date == d))).ToList();
        var languages = Top(conversations.GroupBy(c => (c.Locale ?? "unknown").Split('-')[0].ToLowerInvariant()));
        var channels = Top(conversations.GroupBy(c => c.ChannelId));

        var ids = conversations.Select(c => c.Id).ToHashSet();
        var allMarks = marks.All().Where(m => ids.Contains(m.Id)).ToList();
        var topics = Top(allMarks.SelectMany(m => m.CitedFacts).GroupBy(f => f));
        if (topics.Count == 0) topics = Top(reviews.All().Where(r => ids.Contains(r.Id)).SelectMany(r => r.Tags.Select(t => "#" + t)).GroupBy(t => t));
        var samples = allMarks.SelectMany(m => m.ResponseMillis).Order().ToList();
        double? median = samples.Count == 0 ? null : samples.Count % 2 == 1 ? samples[samples.Count / 2] : (samples[samples.Count / 2 - 1] + samples[samples.Count / 2]) / 2.0;

        var unanswered = markSources.Where(s => s.Mark == ConversationMarkNames.Unanswered).SelectMany(s => s.ConversationIds()).Where(ids.Contains).Distinct().Count();
        var leadList = (await leads.ListAsync(null, 0, int.MaxValue, cancellationToken)).Where(l => l.CreatedUtc >= since).ToList();
        var figures = new DashboardFigures(
            conversations.Count, conversations.Sum(c => c.MessageCount), perDay, languages, channels, topics,
            conversations.Count == 0 ? 0 : (double)unanswered / conversations.Count, unanswered,
            Top(leadList.SelectMany(l => l.RecommendedSites).GroupBy(s => s)), Top(leadList.GroupBy(l => l.Country ?? "unknown")),
            leadList.Count, median);
        _cache = (now, figures);
        return figures;
    }

    private static List<(string, double)> Top<T>(IEnumerable<IGrouping<string, T>> groups, int take = 10) =>
        groups.Select(g => (g.Key, (double)g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key).Take(take).ToList();
}
