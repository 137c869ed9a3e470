using KalugaBot.Host.Staff.Audit;
using KalugaBot.Host.Staff.Auth;
using KalugaBot.Host.Staff.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KalugaBot.Host.Staff.Pages.Conversations;

public sealed class SearchModel(TranscriptIndexer indexer, TranscriptSearchIndex index, AuditLog audit) : PageModel
{
    public const int PageSize = 20;
    [BindProperty(SupportsGet = true)] public string Q { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        P = Math.Max(1, P);
        if (string.IsNullOrWhiteSpace(Q)) return;
        Q = Q.Length > 200 ? Q[..200] : Q;
        // Catch up first so a message logged a moment ago is findable at once.
        await indexer.CatchUpAsync(HttpContext.RequestAborted);
        (Hits, Total) = index.Search(Q, (P - 1) * PageSize, PageSize);
        // The query itself may be personal data (a name, an e-mail), so only the fact of searching is logged.
        audit.Record(User.Actor(), "transcript.search", null);
    }
}
