namespace KalugaBot.Host.Staff.Auth;

/// <summary>Authorization policy names for everything staff-only; other features put these on their endpoints.</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member (viewer, agent or admin): read transcripts, leads, dashboard.</summary>
    public const string Viewer = "StaffViewer";
    /// <summary>Agents and admins: take over conversations, change leads, tag and review.</summary>
    public const string Agent = "StaffAgent";
    /// <summary>Admins only: users, erase, audit log, knowledge edits.</summary>
    public const string Admin = "StaffAdmin";
}

/// <summary>The staff roles, lowest to highest.</summary>
public static class StaffRoles
{
    public const string Viewer = "viewer";
    public const string Agent = "agent";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Agent, Admin];

    public static bool IsValid(string? role) => role is not null && All.Contains(role);
}
