namespace KalugaBot.Host.Staff.Conversations;

/// <summary>The list filters, bound from the query string. Tri-state flags: null = any, true = only with, false = only without.</summary>
public sealed class ConversationFilter
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Language { get; set; }
    public string? Channel { get; set; }
    public bool? HasLead { get; set; }
    public bool? HasUnanswered { get; set; }
    public bool? HandedOff { get; set; }
    public string? Tag { get; set; }
    public bool? Reviewed { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 25;

    /// <summary>Reads ?From=2026-01-31&amp;Language=ru&amp;HasLead=true&amp;…; a malformed value is ignored, never an error.</summary>
    public static ConversationFilter FromQuery(IQueryCollection q)
    {
        static string? S(IQueryCollection q, string k) => q.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        static bool? B(IQueryCollection q, string k) => bool.TryParse(S(q, k), out var b) ? b : null;
        static DateOnly? D(IQueryCollection q, string k) => DateOnly.TryParseExact(S(q, k), "yyyy-MM-dd", out var d) ? d : null;
        return new ConversationFilter
        {
            From = D(q, nameof(From)), To = D(q, nameof(To)), Language = S(q, nameof(Language)), Channel = S(q, nameof(Channel)),
            HasLead = B(q, nameof(HasLead)), HasUnanswered = B(q, nameof(HasUnanswered)), HandedOff = B(q, nameof(HandedOff)),
            Tag = S(q, nameof(Tag)), Reviewed = B(q, nameof(Reviewed)),
            Page = int.TryParse(S(q, nameof(Page)), out var p) && p > 0 ? p : 1,
            PageSize = int.TryParse(S(q, nameof(PageSize)), out var s) ? Math.Clamp(s, 5, 200) : 25,
        };
    }
}

public sealed record ConversationRow(string Id, string ChannelId, string? Locale, DateTime CreatedUtc, DateTime LastActivityUtc, int MessageCount,
    bool HasLead, bool HasUnanswered, bool HandedOff, bool Reviewed, IReadOnlyList<string> Tags);
