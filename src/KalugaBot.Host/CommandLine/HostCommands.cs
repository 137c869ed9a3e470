namespace KalugaBot.Host.CommandLine;

public static class HostCommands
{
    /// <summary>Runs the command named by the first argument, if there is one; returns null when the host should start normally.</summary>
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return null;
        var commands = app.Services.GetServices<IHostCommand>().ToList();
        var command = commands.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            if (args[0] is not ("help" or "commands")) Console.Error.WriteLine($"Unknown command '{args[0]}'.");
            Console.Error.WriteLine("Commands:");
            foreach (var c in commands.OrderBy(c => c.Name)) Console.Error.WriteLine($"  {c.Name,-24} {c.Description}");
            return args[0] is "help" or "commands" ? 0 : 2;
        }
        using var scope = app.Services.CreateScope();
        return await command.RunAsync(scope.ServiceProvider, args[1..], CancellationToken.None);
    }
}
