using KalugaBot.Host.CommandLine;

namespace KalugaBot.Host.Staff.Auth;

/// <summary><c>dotnet run --project src/KalugaBot.Host -- create-admin --email a@b.c --password '…' [--role admin|agent|viewer] [--name "…"]</c>.</summary>
/// <remarks>The password may come from the KALUGABOT_STAFF_PASSWORD environment variable instead, so it stays out of shell history.</remarks>
public sealed class CreateAdminCommand : IHostCommand
{
    public string Name => "create-admin";
    public string Description => "Create or reset a staff account: --email E --password P (or env KALUGABOT_STAFF_PASSWORD) [--role admin|agent|viewer]";

    public Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var email = Arg(args, "--email");
        var password = Arg(args, "--password") ?? Environment.GetEnvironmentVariable("KALUGABOT_STAFF_PASSWORD");
        var role = Arg(args, "--role") ?? StaffRoles.Admin;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("Usage: create-admin --email someone@agency.example --password 'a long passphrase' [--role admin|agent|viewer] [--name \"Full Name\"]");
            return Task.FromResult(2);
        }
        try
        {
            var user = services.GetRequiredService<StaffUserStore>().CreateOrUpdate(email, password, role, Arg(args, "--name"));
            Console.WriteLine($"Staff account {user.Email} ({user.Role}) is ready. Sign in at /staff.");
            return Task.FromResult(0);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return Task.FromResult(2);
        }
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.FindIndex(args, a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
