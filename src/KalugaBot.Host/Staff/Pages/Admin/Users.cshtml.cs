using KalugaBot.Host.Staff.Audit;
using KalugaBot.Host.Staff.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KalugaBot.Host.Staff.Pages.Admin;

public sealed class UsersModel(StaffUserStore users, AuditLog audit) : PageModel
{
    public IReadOnlyList<StaffUser> Users { get; private set; } = [];
    public string? Error { get; private set; }

    public void OnGet() => Users = users.All();

    public IActionResult OnPostCreate(string? email, string? password, string? role)
    {
        try
        {
            var user = users.CreateOrUpdate(email ?? "", password ?? "", role ?? StaffRoles.Viewer);
            audit.Record(User.Actor(), "user.create", user.Email);
            TempData["Flash"] = $"Account {user.Email} ({user.Role}) is ready.";
            return Redirect("/staff/admin/users");
        }
        catch (ArgumentException ex)
        {
            Error = ex.Message;
            Users = users.All();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    public IActionResult OnPostRole(string id, string role)
    {
        if (!StaffRoles.IsValid(role)) return BadRequest();
        users.SetRole(id, role);
        audit.Record(User.Actor(), "user.role", $"{id} → {role}");
        return Redirect("/staff/admin/users");
    }

    public IActionResult OnPostDisable(string id, bool disabled)
    {
        users.SetDisabled(id, disabled);
        audit.Record(User.Actor(), disabled ? "user.disable" : "user.enable", id);
        return Redirect("/staff/admin/users");
    }
}
