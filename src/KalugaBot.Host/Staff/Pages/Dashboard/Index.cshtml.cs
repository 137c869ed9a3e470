using KalugaBot.Host.Staff.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KalugaBot.Host.Staff.Pages.Dashboard;

public sealed class IndexModel(DashboardStats stats, Search.TranscriptIndexer indexer) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 30;
    public DashboardFigures? Figures { get; private set; }

    public async Task OnGetAsync()
    {
        Days = Days is 7 or 30 or 90 or 365 ? Days : 30;
        await indexer.CatchUpAsync(HttpContext.RequestAborted);
        Figures = await stats.GetAsync(Days, HttpContext.RequestAborted);
    }
}
