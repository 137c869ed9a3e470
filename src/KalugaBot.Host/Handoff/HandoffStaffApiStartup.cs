using KalugaBot.Host.Handoff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

[assembly: HostingStartup(typeof(HandoffStaffApiStartup))]

namespace KalugaBot.Host.Handoff;

/// <summary>
/// Wires the staff hand-off API without touching Program.cs: the host runs the application assembly's hosting startups,
/// and the startup filter maps the endpoints in front of the main pipeline. If Program.cs gets a MapHandoffStaffApi() line, delete this file.
/// </summary>
public sealed class HandoffStaffApiStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        services.AddAuthentication();
        services.AddAuthorization();
        services.AddSingleton<IPostConfigureOptions<AuthorizationOptions>, StaffPolicies.Fallback>();
        services.AddSingleton<IStartupFilter, Filter>();
    });

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // A routing branch of its own: requests that match no staff route fall through to the main pipeline unchanged.
            app.UseRouting();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseEndpoints(endpoints => endpoints.MapHandoffStaffApi());
            next(app);
        };
    }
}
