namespace KalugaBot.Host.Memory;

public sealed class MemoryOptions
{
    public const string Section = "Memory";

    /// <summary>How long after start-up the host returns the start-up's garbage to the system with one compacting
    /// collection (zero: never). Long enough for the background warm-ups (search index, number recognizers) to finish.</summary>
    public TimeSpan CompactAfterStartup { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsValid() => CompactAfterStartup >= TimeSpan.Zero && CompactAfterStartup <= TimeSpan.FromHours(1);
}
