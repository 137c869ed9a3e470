using LiteDB;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Protocol.Storage;

/// <summary>
/// The size of the blocks in which LiteDB's page cache grows. LiteDB 5 grows it by 12, 50, 100, 500, then 1,000 pages
/// (8 MB) at a time, and reuses cached pages only when more than one block's worth of them are free: under the load
/// benchmark its cache held 13.6 MB (/api/messages). With blocks of 100 pages it held 6.2 MB (Direct Line, the busier
/// writer) at the same throughput; mean working set 203 -> 194 MB (/api/messages), 224 -> 214 MB (Direct Line), staff
/// pages bench host 282-291 -> 197 MB (bench load and staff, 2026-11-26).
/// </summary>
/// <remarks>LiteDB offers no setting for this: the sizes are the public array field of its internal
/// <c>Constants</c> class, read when an engine opens, shared by every engine in the process.</remarks>
public static class LiteDbCacheSegments
{
    private static readonly int[]? Sizes = typeof(LiteDatabase).Assembly.GetType("LiteDB.Constants")
        ?.GetField("MEMORY_SEGMENT_SIZES")?.GetValue(null) as int[];

    private static readonly int[]? LiteDbDefaults = Sizes?.ToArray();

    /// <summary>The block sizes engines opened from now on use, or empty if this LiteDB has no such field.</summary>
    public static IReadOnlyList<int> Current => Sizes?.ToArray() ?? [];

    /// <summary>Caps every block at <paramref name="pages"/> (LiteDB's own sizes when it is 1,000 or more).</summary>
    public static void Cap(int pages, ILogger log)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 12); // LiteDB's smallest block; an empty one would never fill
        if (Sizes is null || LiteDbDefaults is null)
        {
            log.LogWarning("This LiteDB version has no cache segment sizes to set; Storage:CacheSegmentPages is ignored");
            return;
        }
        lock (Sizes)
            for (var i = 0; i < Sizes.Length; i++) Sizes[i] = Math.Min(LiteDbDefaults[i], pages);
    }
}
