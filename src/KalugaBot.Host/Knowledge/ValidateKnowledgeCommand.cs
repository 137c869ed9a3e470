using KalugaBot.Host.CommandLine;
using KalugaBot.Knowledge.Loading;

namespace KalugaBot.Host.Knowledge;

/// <summary><c>validate-knowledge [folder]</c>: prints every problem of the knowledge folder; exit code 0 when valid, 1 otherwise.</summary>
internal sealed class ValidateKnowledgeCommand : IHostCommand
{
    public string Name => "validate-knowledge";
    public string Description => "Check the knowledge folder (or the one given) and list every problem.";

    public Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        string folder;
        try
        {
            folder = args.Length > 0 ? Path.GetFullPath(args[0]) : services.GetRequiredService<KnowledgeFolder>().Path;
        }
        catch (Exception e) when (e is DirectoryNotFoundException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            Console.Error.WriteLine(e.Message);
            return Task.FromResult(1);
        }
        var result = KnowledgeLoader.Load(folder);
        foreach (var problem in result.Problems) Console.WriteLine(problem);
        if (result.IsValid)
        {
            Console.WriteLine($"OK {folder}: {result.Snapshot!.Parks.Count} parks, {result.Snapshot.Facts.Count} facts, "
                              + $"{result.Snapshot.Facts.Sum(f => f.Values.Count) + result.Snapshot.Parks.Sum(p => p.Fields.Values.Sum(h => h.Values.Count))} sourced values.");
            return Task.FromResult(0);
        }
        Console.WriteLine($"INVALID {folder}: {result.Problems.Count} problem(s).");
        return Task.FromResult(1);
    }
}
