using KalugaBot.Host.Staff.Audit;
using KalugaBot.Host.Staff.Auth;
using KalugaBot.Host.Staff.Conversations;
using KalugaBot.Protocol.Transcripts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KalugaBot.Host.Staff.Pages.Conversations;

public sealed class TranscriptModel(ITranscriptStore transcripts, ConversationQuery conversations, ConversationReviews reviews, AuditLog audit, IAuthorizationService authorization) : PageModel
{
    /// <summary>Long conversations show the most recent activities; "show all" lifts the cap.</summary>
    private const int RecentLimit = 400;

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    public ConversationRecord? Conversation { get; private set; }
    public IReadOnlyList<MessageView> Messages { get; private set; } = [];
    public int Hidden { get; private set; }
    public ConversationReview Review { get; private set; } = new();
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Id)) return Redirect("/staff/conversations");
        Conversation = conversations.Find(Id);
        CanEdit = (await authorization.AuthorizeAsync(User, StaffPolicies.Agent)).Succeeded;
        if (Conversation is null) { Response.StatusCode = StatusCodes.Status404NotFound; return Page(); }
        audit.Record(User.Actor(), "transcript.view", Id);
        var activities = await transcripts.GetAllActivitiesAsync(Id, HttpContext.RequestAborted);
        var all = activities.Select((a, i) => MessageView.From(a, i + 1)).Where(m => m.Kind != "event" || m.EventName is not ("typing" or "conversationUpdate")).ToList();
        Hidden = All ? 0 : Math.Max(0, all.Count - RecentLimit);
        Messages = all.Skip(Hidden).ToList();
        Review = reviews.Get(Id);
        return Page();
    }

    public Task<IActionResult> OnPostAddTagAsync(string? tag) => Edit(() => reviews.AddTag(Id, tag), "Tag added.", "tag.add");
    public Task<IActionResult> OnPostRemoveTagAsync(string? tag) => Edit(() => reviews.RemoveTag(Id, tag), "Tag removed.", "tag.remove");
    public Task<IActionResult> OnPostAddNoteAsync(string? note) => Edit(() => reviews.AddNote(Id, User.Actor(), note), "Note added.", "note.add");
    public Task<IActionResult> OnPostReviewedAsync(bool reviewed) => Edit(() => reviews.SetReviewed(Id, User.Actor(), reviewed), reviewed ? "Marked reviewed." : "Marked not reviewed.", "review.set");

    private async Task<IActionResult> Edit(Func<bool> change, string done, string action)
    {
        if (!(await authorization.AuthorizeAsync(User, StaffPolicies.Agent)).Succeeded) return Forbid();
        if (conversations.Find(Id) is null) return NotFound();
        TempData["Flash"] = change() ? done : "Nothing changed (empty, too long or already there).";
        audit.Record(User.Actor(), action, Id);
        return Redirect("/staff/transcript?id=" + Uri.EscapeDataString(Id));
    }
}
