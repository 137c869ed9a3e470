using System.Security.Claims;

namespace KalugaBot.Host.Staff.Auth;

/// <summary>Builds and reads the claims of a signed-in staff member.</summary>
public static class StaffPrincipal
{
    public const string Scheme = "StaffCookie";
    public const string EntraScheme = "StaffEntraId";

    public static ClaimsPrincipal Create(StaffUser user)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id),
            new Claim(ClaimTypes.Name, user.Email),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim("display_name", user.DisplayName),
            new Claim(ClaimTypes.Role, user.Role),
        ], Scheme, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Who did it, for the audit log.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    public static string? StaffRole(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);
}
