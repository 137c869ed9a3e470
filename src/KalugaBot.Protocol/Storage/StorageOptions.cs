namespace KalugaBot.Protocol.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the LiteDB file; relative paths are taken from the content root.</summary>
    public string DataFolder { get; set; } = "data";
    public string FileName { get; set; } = "kalugabot.db";

    /// <summary>Log file size from which it is folded into the data file once nothing has been written for
    /// <see cref="CheckpointIdle"/> (see <see cref="LiteDbLogCheckpoints"/>).</summary>
    public int CheckpointIdleLogMegabytes { get; set; } = 16;

    /// <summary>Log file size from which it is folded in even while writes go on: LiteDB calls wait about 2 ms per
    /// megabyte meanwhile (~0.13 s at 64 MB; under the load benchmark every 2 s or so).</summary>
    public int CheckpointMaxLogMegabytes { get; set; } = 64;

    /// <summary>After each fold, one blocking, compacting collection returns the memory the closed engine held
    /// (see <see cref="LiteDbLogCheckpoints"/>).</summary>
    public bool CompactHeapAfterFold { get; set; } = true;

    /// <summary>How long the writer must have been quiet for an idle checkpoint.</summary>
    public TimeSpan CheckpointIdle { get; set; } = TimeSpan.FromSeconds(2);

    public bool IsValid() =>
        !string.IsNullOrWhiteSpace(DataFolder) && !string.IsNullOrWhiteSpace(FileName)
        && CheckpointIdleLogMegabytes > 0 && CheckpointMaxLogMegabytes >= CheckpointIdleLogMegabytes
        && CheckpointIdle > TimeSpan.Zero && CheckpointIdle <= TimeSpan.FromHours(1);
}
