using KalugaBot.Bot.Templates;
using KalugaBot.Host.CommandLine;
using KalugaBot.Protocol.Auth;
using Microsoft.Extensions.Options;

namespace KalugaBot.Host.Teams;

/// <summary><c>teams-package [--out kalugabot-teams.zip]</c>: writes the Teams app package to upload in Teams or the admin centre.</summary>
public sealed class TeamsPackageCommand : IHostCommand
{
    public const string DefaultFile = "kalugabot-teams.zip";

    public string Name => "teams-package";
    public string Description => "Write the Microsoft Teams app package (--out kalugabot-teams.zip)";

    public async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var output = DefaultFile;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--out" or "-o" && i + 1 < args.Length) output = args[++i];
            else
            {
                await Console.Error.WriteLineAsync($"Unknown argument '{args[i]}'. Usage: teams-package [--out {DefaultFile}]");
                return 2;
            }
        }

        var (settings, errors) = TeamsAppPackage.Resolve(
            services.GetRequiredService<IOptions<BotAuthOptions>>().Value, services.GetRequiredService<IOptions<TeamsPackageOptions>>().Value);
        if (settings is null)
        {
            await Console.Error.WriteLineAsync("Cannot build the Teams app package:");
            foreach (var error in errors) await Console.Error.WriteLineAsync("  - " + error);
            return 1;
        }

        var path = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = File.Create(path)) TeamsAppPackage.Write(file, settings, services.GetRequiredService<ITemplates>());
        Console.WriteLine($"Wrote {path} (app {settings.AppId}, bot {settings.BotId}, version {settings.Version}). Upload it in Teams: Apps → Manage your apps → Upload an app.");
        return 0;
    }
}
