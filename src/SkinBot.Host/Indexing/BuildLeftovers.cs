using System.Diagnostics;

namespace SkinBot.Host.Indexing;

/// <summary>
/// Gives back the memory a knowledge-base build leaves behind. A build allocates a few hundred megabytes in a second
/// (the catalogs' YAML, about 37,000 safety phrases, the index writers' buffers), most of it garbage by the end, and
/// the GC keeps the heap it grew for that burst: about 25 MB more resident for the life of the process than one
/// compacting collection leaves (docs/performance.md, "Start-up and memory"). Builds are rare, at start-up and after a
/// corpus edit, so the blocking collection after one (50 to 70 ms on a loaded two-core machine) is paid once, after the
/// new index already serves.
/// </summary>
internal static class BuildLeftovers
{
    public static void Release(ILogger logger)
    {
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        var clock = Stopwatch.StartNew();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        logger.BuildLeftoversReleased((before - GC.GetGCMemoryInfo().TotalCommittedBytes) / (1024.0 * 1024), clock.Elapsed.TotalMilliseconds);
    }
}
