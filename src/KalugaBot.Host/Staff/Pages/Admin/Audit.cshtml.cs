using KalugaBot.Host.Staff.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KalugaBot.Host.Staff.Pages.Admin;

public sealed class AuditModel(AuditLog audit) : PageModel
{
    public const int PageSize = 100;
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }

    public void OnGet()
    {
        P = Math.Max(1, P);
        Entries = audit.Recent((P - 1) * PageSize, PageSize, Actor, Action);
        Total = audit.Count();
    }
}
