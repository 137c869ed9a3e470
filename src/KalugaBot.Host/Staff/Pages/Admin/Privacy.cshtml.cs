using KalugaBot.Host.Staff.Auth;
using KalugaBot.Host.Staff.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KalugaBot.Host.Staff.Pages.Admin;

public sealed class PrivacyModel(PersonalDataEraser eraser, TranscriptAnonymiser anonymiser, IOptions<StaffOptions> options, TimeProvider clock) : PageModel
{
    public int RetentionDays => options.Value.RetentionDays;
    public ErasureResult? Result { get; private set; }
    public int? Anonymised { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostEraseAsync(string? email, string? conversationId)
    {
        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(conversationId))
        {
            ModelState.AddModelError("", "Give an e-mail address or a conversation id.");
            return Page();
        }
        Result = await eraser.EraseAsync(email, conversationId, User.Actor(), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostSweepAsync()
    {
        if (RetentionDays > 0) Anonymised = await anonymiser.AnonymiseOlderThanAsync(clock.GetUtcNow().UtcDateTime.AddDays(-RetentionDays), HttpContext.RequestAborted);
        return Page();
    }
}
