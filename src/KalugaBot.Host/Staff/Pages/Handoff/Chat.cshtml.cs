using System.Security.Claims;
using KalugaBot.Bot.Handoff.Live;
using KalugaBot.Host.Staff.Audit;
using KalugaBot.Host.Staff.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KalugaBot.Host.Staff.Pages.Handoff;

public sealed class ChatModel(HandoffService handoff, AuditLog audit, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    public HandoffRecord? Record { get; private set; }
    public IReadOnlyList<RelayMessage> Messages { get; private set; } = [];
    public long Cursor { get; private set; }
    public bool IsMine { get; private set; }

    private string AgentId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public void OnGet()
    {
        Record = handoff.Get(Id);
        if (Record is null) { Response.StatusCode = StatusCodes.Status404NotFound; return; }
        Messages = handoff.MessagesAfter(Id, 0);
        Cursor = Messages.Count == 0 ? 0 : Messages[^1].Sequence;
        IsMine = Record.State == HandoffState.AgentActive && Record.AgentId == AgentId;
        audit.Record(User.Actor(), "handoff.view", Id);
    }

    /// <summary>New relay messages for the page's poller; rendered by the script with textContent (never as HTML).</summary>
    public IActionResult OnGetMessages(long after)
    {
        var record = handoff.Get(Id);
        if (record is null) return NotFound();
        var messages = handoff.MessagesAfter(Id, after).Select(m => new { m.Sequence, m.From, sender = m.SenderName ?? m.From, m.Text, time = m.Utc.ToString("HH:mm:ss") });
        return new JsonResult(new { state = record.State.ToString(), messages });
    }

    public async Task<IActionResult> OnPostSendAsync(string? text)
    {
        if (!(await authorization.AuthorizeAsync(User, StaffPolicies.Agent)).Succeeded) return Forbid();
        if (!string.IsNullOrWhiteSpace(text) && text.Length <= 4000)
        {
            var (outcome, _) = await handoff.SendFromAgentAsync(Id, AgentId, text.Trim(), HttpContext.RequestAborted);
            if (outcome != HandoffStore.Outcome.Changed) TempData["Flash"] = "You are not the active agent of this conversation.";
        }
        return Redirect("/staff/handoff/chat?id=" + Uri.EscapeDataString(Id));
    }

    public async Task<IActionResult> OnPostCompleteAsync()
    {
        if (!(await authorization.AuthorizeAsync(User, StaffPolicies.Agent)).Succeeded) return Forbid();
        var outcome = await handoff.CompleteAsync(Id, AgentId, HttpContext.RequestAborted);
        audit.Record(User.Actor(), "handoff.complete", Id);
        TempData["Flash"] = outcome == HandoffStore.Outcome.Changed ? "Handed back to the bot." : "This conversation was not yours to hand back.";
        return Redirect("/staff/handoff");
    }
}
