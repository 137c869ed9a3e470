using KalugaBot.Host.CommandLine;

namespace KalugaBot.Host.Teams;

public static class TeamsHostExtensions
{
    /// <summary>The <c>teams-package</c> command that writes the Teams app package (manifest, localizations, icons).</summary>
    /// <remarks>Options are checked when the command runs, not at start-up: the host runs fine without any Teams settings.</remarks>
    public static IServiceCollection AddTeamsPackage(this IServiceCollection services)
    {
        services.AddOptions<TeamsPackageOptions>().BindConfiguration(TeamsPackageOptions.Section);
        services.AddSingleton<IHostCommand, TeamsPackageCommand>();
        return services;
    }
}
