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

    /// <summary>After a fold, a collection returns the memory the closed engine held (see <see cref="LiteDbLogCheckpoints"/>).</summary>
    public bool CompactHeapAfterFold { get; set; } = true;

    /// <summary>Shortest time between two blocking, compacting collections after folds; folds in between get a background
    /// collection, which does not stop turns but leaves more memory committed. Zero compacts after every fold.</summary>
    /// <remarks>A compaction stops the host for ~25 ms; under load a fold comes every 3-5 s, and compacting after each
    /// one put p99 at 18.6-34.5 ms (7 runs). One compaction per 20 s kept it at 9.9-10.2 ms (2 runs) for a few MB more
    /// working set (bench load, 2026-11-27; README).</remarks>
    public TimeSpan CompactHeapInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Pages (8 KB each) by which LiteDB's page cache grows at most (see <see cref="LiteDbCacheSegments"/>);
    /// 1,000 keeps LiteDB's own sizes.</summary>
    public int CacheSegmentPages { get; set; } = 100;

    /// <summary>How long the writer must have been quiet for an idle checkpoint.</summary>
    public TimeSpan CheckpointIdle { get; set; } = TimeSpan.FromSeconds(2);

    public bool IsValid() =>
        !string.IsNullOrWhiteSpace(DataFolder) && !string.IsNullOrWhiteSpace(FileName)
        && CheckpointIdleLogMegabytes > 0 && CheckpointMaxLogMegabytes >= CheckpointIdleLogMegabytes
        && CheckpointIdle > TimeSpan.Zero && CheckpointIdle <= TimeSpan.FromHours(1)
        && CacheSegmentPages is >= 12 and <= 1000
        && CompactHeapInterval >= TimeSpan.Zero && CompactHeapInterval <= TimeSpan.FromDays(1);
}
