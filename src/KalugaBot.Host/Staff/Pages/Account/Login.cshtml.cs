using KalugaBot.Host.Staff.Audit;
using KalugaBot.Host.Staff.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KalugaBot.Host.Staff.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(StaffUserStore users, IOptions<StaffOptions> options, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Error { get; private set; }
    public bool EntraEnabled => options.Value.EntraId.Enabled;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your e-mail and password.";
            return Page();
        }
        var (result, user) = users.CheckPassword(Email, Password);
        if (result != Auth.SignInResult.Success || user is null)
        {
            audit.Record(StaffUserStore.Normalize(Email), result == Auth.SignInResult.LockedOut ? "sign-in.locked" : "sign-in.failed", null);
            Error = result == Auth.SignInResult.LockedOut
                ? "Too many failed attempts: this account is locked for a while. Try again later."
                : "E-mail or password is not correct.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await HttpContext.SignInAsync(StaffPrincipal.Scheme, StaffPrincipal.Create(user));
        audit.Record(user.Email, "sign-in", null);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/staff", StringComparison.Ordinal) ? ReturnUrl : "/staff");
    }
}
