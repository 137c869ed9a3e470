using KalugaBot.Protocol.Storage;
using LiteDB;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KalugaBot.Host.Staff.Auth;

public enum SignInResult { Success, Failed, LockedOut }

/// <summary>Local staff accounts in LiteDB: PBKDF2 hashes (ASP.NET Core Identity's PasswordHasher) and lockout after repeated failures.</summary>
public sealed class StaffUserStore
{
    private readonly ILiteCollection<StaffUser> _users;
    private readonly PasswordHasher<StaffUser> _hasher = new();
    private readonly IOptionsMonitor<StaffOptions> _options;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();

    public StaffUserStore(LiteDbContext db, IOptionsMonitor<StaffOptions> options, TimeProvider clock)
    {
        _users = db.Collection<StaffUser>("staff_users");
        _users.EnsureIndex(u => u.Email, unique: true);
        _options = options;
        _clock = clock;
    }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public StaffUser? FindByEmail(string email) => _users.FindOne(u => u.Email == Normalize(email));
    public StaffUser? FindById(string id) => _users.FindById(id);
    public IReadOnlyList<StaffUser> All() => _users.FindAll().OrderBy(u => u.Email).ToList();
    public bool AnyAdmin() => _users.Exists(u => u.Role == StaffRoles.Admin);

    /// <summary>Creates an account or, when the e-mail exists, resets its password and role.</summary>
    /// <exception cref="ArgumentException">Invalid e-mail, role, or a password that is too short.</exception>
    public StaffUser CreateOrUpdate(string email, string password, string role, string? displayName = null)
    {
        var normalized = Normalize(email);
        if (normalized.Length < 3 || !normalized.Contains('@') || normalized.Length > 254) throw new ArgumentException("A valid e-mail address is required.", nameof(email));
        if (!StaffRoles.IsValid(role)) throw new ArgumentException($"Role must be one of {string.Join(", ", StaffRoles.All)}.", nameof(role));
        if (password.Length < _options.CurrentValue.MinPasswordLength) throw new ArgumentException($"The password needs at least {_options.CurrentValue.MinPasswordLength} characters.", nameof(password));
        lock (_gate)
        {
            var user = FindByEmail(normalized) ?? new StaffUser { Id = Guid.NewGuid().ToString("N"), Email = normalized, CreatedUtc = _clock.GetUtcNow().UtcDateTime };
            user.Role = role;
            user.DisplayName = string.IsNullOrWhiteSpace(displayName) ? (user.DisplayName is "" ? normalized : user.DisplayName) : displayName.Trim();
            user.PasswordHash = _hasher.HashPassword(user, password);
            user.FailedSignIns = 0;
            user.LockedUntilUtc = null;
            _users.Upsert(user);
            return user;
        }
    }

    public (SignInResult Result, StaffUser? User) CheckPassword(string email, string password)
    {
        lock (_gate)
        {
            var user = FindByEmail(email);
            var now = _clock.GetUtcNow().UtcDateTime;
            if (user is null || user.Disabled)
            {
                // Hash anyway so an unknown e-mail takes as long as a wrong password.
                _hasher.HashPassword(new StaffUser(), password);
                return (SignInResult.Failed, null);
            }
            if (user.LockedUntilUtc > now) return (SignInResult.LockedOut, null);
            var verdict = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
            if (verdict == PasswordVerificationResult.Failed)
            {
                user.FailedSignIns++;
                var options = _options.CurrentValue;
                if (user.FailedSignIns >= options.MaxFailedSignIns)
                {
                    user.LockedUntilUtc = now.AddMinutes(options.LockoutMinutes);
                    user.FailedSignIns = 0;
                    _users.Update(user);
                    return (SignInResult.LockedOut, null);
                }
                _users.Update(user);
                return (SignInResult.Failed, null);
            }
            if (verdict == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = _hasher.HashPassword(user, password);
            user.FailedSignIns = 0;
            user.LockedUntilUtc = null;
            user.LastSignInUtc = now;
            _users.Update(user);
            return (SignInResult.Success, user);
        }
    }

    public void SetRole(string id, string role)
    {
        if (!StaffRoles.IsValid(role)) throw new ArgumentException("Unknown role.", nameof(role));
        lock (_gate)
        {
            if (FindById(id) is not { } user) return;
            user.Role = role;
            _users.Update(user);
        }
    }

    public void SetDisabled(string id, bool disabled)
    {
        lock (_gate)
        {
            if (FindById(id) is not { } user) return;
            user.Disabled = disabled;
            _users.Update(user);
        }
    }
}
