using KalugaBot.Bot.Leads;
using KalugaBot.Host.Staff.Audit;
using KalugaBot.Host.Staff.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KalugaBot.Host.Staff.Pages.Leads;

public sealed class DetailModel(ILeadStore leads, AuditLog audit, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    public Lead? Lead { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Lead = string.IsNullOrWhiteSpace(Id) ? null : await leads.GetAsync(Id, HttpContext.RequestAborted);
        CanEdit = (await authorization.AuthorizeAsync(User, StaffPolicies.Agent)).Succeeded;
        if (Lead is null) { Response.StatusCode = StatusCodes.Status404NotFound; return Page(); }
        audit.Record(User.Actor(), "lead.view", Id);
        return Page();
    }

    public Task<IActionResult> OnPostStatusAsync(LeadStatus status) =>
        Edit(() => leads.UpdateStatusAsync(Id, status, User.Actor(), HttpContext.RequestAborted), $"Status changed to {status}.", "lead.status");

    public Task<IActionResult> OnPostNoteAsync(string? note) => string.IsNullOrWhiteSpace(note) || note.Length > 4000
        ? Task.FromResult<IActionResult>(Redirect(Self))
        : Edit(() => leads.AddNoteAsync(Id, note.Trim(), User.Actor(), HttpContext.RequestAborted), "Note added.", "lead.note");

    private string Self => "/staff/leads/detail?id=" + Uri.EscapeDataString(Id);

    private async Task<IActionResult> Edit(Func<Task<Lead?>> change, string done, string action)
    {
        if (!(await authorization.AuthorizeAsync(User, StaffPolicies.Agent)).Succeeded) return Forbid();
        if (await change() is null) return NotFound();
        audit.Record(User.Actor(), action, Id);
        TempData["Flash"] = done;
        return Redirect(Self);
    }
}
