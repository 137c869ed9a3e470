namespace KalugaBot.Host.Memory;

public sealed class MemoryOptions
{
    public const string Section = "Memory";

    /// <summary>How long after start-up the host returns the start-up's garbage to the system with one compacting
    /// collection (zero: never). Long enough for the background warm-ups (search index, number recognizers) to finish.</summary>
    public TimeSpan CompactAfterStartup { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the C library's heap gives freed pages back to the system (zero: never). Under load glibc
    /// otherwise keeps ~10 MB of freed blocks; a trim takes ~0.2 ms (README, "Figures").</summary>
    public TimeSpan TrimNativeHeapInterval { get; set; } = TimeSpan.FromSeconds(2);

    public bool IsValid() => WithinAnHour(CompactAfterStartup) && WithinAnHour(TrimNativeHeapInterval);

    private static bool WithinAnHour(TimeSpan span) => span >= TimeSpan.Zero && span <= TimeSpan.FromHours(1);
}
