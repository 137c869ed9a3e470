using System.Security.Claims;
using KalugaBot.Bot.Handoff.Live;
using KalugaBot.Host.Staff.Audit;
using KalugaBot.Host.Staff.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KalugaBot.Host.Staff.Pages.Handoff;

public sealed class IndexModel(HandoffService handoff, AuditLog audit, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<HandoffRecord> Waiting { get; private set; } = [];
    public IReadOnlyList<HandoffRecord> Active { get; private set; } = [];
    public bool CanAct { get; private set; }

    public async Task OnGetAsync()
    {
        Waiting = handoff.Waiting().OrderBy(r => r.RequestedUtc).ToList();
        Active = handoff.Active().OrderBy(r => r.AcceptedUtc).ToList();
        CanAct = (await authorization.AuthorizeAsync(User, StaffPolicies.Agent)).Succeeded;
    }

    public async Task<IActionResult> OnPostAcceptAsync(string id)
    {
        if (!(await authorization.AuthorizeAsync(User, StaffPolicies.Agent)).Succeeded) return Forbid();
        var outcome = await handoff.AcceptAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.FindFirstValue("display_name") ?? User.Actor(), HttpContext.RequestAborted);
        audit.Record(User.Actor(), "handoff.accept", id);
        if (outcome != HandoffStore.Outcome.Changed)
        {
            TempData["Flash"] = outcome == HandoffStore.Outcome.Conflict ? "Someone else already took this conversation." : "This conversation is no longer waiting.";
            return Redirect("/staff/handoff");
        }
        return Redirect("/staff/handoff/chat?id=" + Uri.EscapeDataString(id));
    }
}
