using KalugaBot.Host.Staff.Conversations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KalugaBot.Host.Staff.Pages.Conversations;

public sealed class IndexModel(ConversationQuery query, ConversationReviews reviews) : PageModel
{
    public ConversationFilter Filter { get; private set; } = new();
    public IReadOnlyList<ConversationRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + Filter.PageSize - 1) / Filter.PageSize);
    public IReadOnlyList<string> Channels { get; private set; } = [];
    public IReadOnlyList<string> Tags { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Filter = ConversationFilter.FromQuery(Request.Query);
        await Task.CompletedTask;
        Filter.PageSize = Math.Clamp(Filter.PageSize, 5, 200);
        (Rows, Total) = query.List(Filter);
        Channels = query.Channels();
        Tags = reviews.AllTags();
    }

    public string PageUrl(int page)
    {
        var q = Request.Query.Where(kv => kv.Key != "Page").SelectMany(kv => kv.Value.Select(v => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return "/staff/conversations?" + string.Join('&', q.Append($"Page={page}"));
    }
}
