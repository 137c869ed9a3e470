namespace KalugaBot.Host.CommandLine;

/// <summary>A maintenance command run instead of the web host: <c>dotnet run --project src/KalugaBot.Host -- NAME [args]</c>.</summary>
/// <remarks>Features register their commands in their Add… method; the command gets the fully configured services.</remarks>
public interface IHostCommand
{
    string Name { get; }
    string Description { get; }
    /// <returns>The process exit code.</returns>
    Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken);
}
