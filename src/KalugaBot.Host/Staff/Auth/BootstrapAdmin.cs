using Microsoft.Extensions.Options;

namespace KalugaBot.Host.Staff.Auth;

/// <summary>First-run setting: creates the admin from Staff:BootstrapAdminEmail + Staff:BootstrapAdminPassword when no admin exists.</summary>
public sealed class BootstrapAdmin(StaffUserStore users, IOptions<StaffOptions> options, ILogger<BootstrapAdmin> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.BootstrapAdminEmail) || users.AnyAdmin()) return Task.CompletedTask;
        if (string.IsNullOrEmpty(o.BootstrapAdminPassword))
        {
            log.LogWarning("Staff:BootstrapAdminEmail is set but Staff__BootstrapAdminPassword is not; no admin was created.");
            return Task.CompletedTask;
        }
        try
        {
            users.CreateOrUpdate(o.BootstrapAdminEmail, o.BootstrapAdminPassword, StaffRoles.Admin);
            log.LogInformation("Created the first staff admin from the bootstrap settings.");
        }
        catch (ArgumentException ex)
        {
            log.LogError("The bootstrap admin was not created: {Reason}", ex.Message);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
