namespace KalugaBot.Bench;

/// <summary>One benchmark; it prints a table of its figures.</summary>
public interface IBenchmarkCommand
{
    string Name { get; }
    string Description { get; }
    Task<int> RunAsync(string[] args);
}
