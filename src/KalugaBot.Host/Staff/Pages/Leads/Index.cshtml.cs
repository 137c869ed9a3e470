using KalugaBot.Bot.Leads;
using KalugaBot.Host.Staff.Audit;
using KalugaBot.Host.Staff.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KalugaBot.Host.Staff.Pages.Leads;

public sealed class IndexModel(ILeadStore leads, AuditLog audit, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public LeadStatus? Status { get; set; }
    public IReadOnlyList<Lead> Leads { get; private set; } = [];
    public bool CanExport { get; private set; }

    public async Task OnGetAsync()
    {
        Leads = await leads.ListAsync(Status, 0, 500, HttpContext.RequestAborted);
        CanExport = (await authorization.AuthorizeAsync(User, StaffPolicies.Agent)).Succeeded;
        audit.Record(User.Actor(), "lead.list", null);
    }
}
