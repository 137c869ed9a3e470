using System.ComponentModel.DataAnnotations;

namespace KalugaBot.Host.Staff.Auth;

/// <summary>Staff portal settings (section "Staff").</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>When set together with <see cref="BootstrapAdminPassword"/> (from the environment: Staff__BootstrapAdminPassword)
    /// and no admin exists yet, this admin is created at start-up.</summary>
    public string? BootstrapAdminEmail { get; set; }
    public string? BootstrapAdminPassword { get; set; }

    [Range(1, 100)] public int MaxFailedSignIns { get; set; } = 5;
    [Range(1, 24 * 60)] public int LockoutMinutes { get; set; } = 15;
    [Range(1, 7 * 24 * 60)] public int SessionMinutes { get; set; } = 8 * 60;
    [Range(8, 128)] public int MinPasswordLength { get; set; } = 12;

    /// <summary>Transcripts whose last activity is older than this are anonymised automatically; 0 keeps them forever.</summary>
    [Range(0, 3650)] public int RetentionDays { get; set; } = 365;
    /// <summary>How often the retention sweeper runs.</summary>
    [Range(1, 7 * 24 * 60)] public int RetentionSweepMinutes { get; set; } = 60;

    /// <summary>How often the background indexer looks for new activities to add to the transcript search index.</summary>
    [Range(1, 3600)] public int IndexIntervalSeconds { get; set; } = 5;

    public EntraIdOptions EntraId { get; set; } = new();
}

/// <summary>Optional Microsoft Entra ID single sign-on (OpenID Connect); on when ClientId and TenantId are set.</summary>
public sealed class EntraIdOptions
{
    public string Instance { get; set; } = "https://login.microsoftonline.com/";
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    /// <summary>From the environment or user secrets (Staff__EntraId__ClientSecret), never appsettings.json.</summary>
    public string? ClientSecret { get; set; }
    public string CallbackPath { get; set; } = "/staff/signin-oidc";
    /// <summary>Role for Entra users whose token carries no app role named viewer/agent/admin.</summary>
    public string DefaultRole { get; set; } = StaffRoles.Viewer;

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(TenantId);
}
