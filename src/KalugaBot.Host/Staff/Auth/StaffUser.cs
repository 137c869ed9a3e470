namespace KalugaBot.Host.Staff.Auth;

/// <summary>A local staff account (LiteDB collection "staff_users"); the password is only ever stored hashed.</summary>
public sealed class StaffUser
{
    public string Id { get; set; } = "";
    /// <summary>Lower-cased e-mail; the sign-in name.</summary>
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = StaffRoles.Viewer;
    public string PasswordHash { get; set; } = "";
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
    public bool Disabled { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? LastSignInUtc { get; set; }
}
