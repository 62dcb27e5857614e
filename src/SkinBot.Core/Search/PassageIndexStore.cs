using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using SkinBot.Core.Corpus;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SkinBot.Core.Search;

/// <summary>
/// Where passage indexes live. In memory, every build is fresh. On disk, each corpus fingerprint gets its own
/// folder: an unchanged corpus reopens its folder instead of re-indexing, and a new one is written beside the
/// old one under a temporary name and renamed into place, so a half-written index is never opened.
/// </summary>
public sealed class PassageIndexStore(string? rootPath, ILogger<PassageIndexStore> logger)
{
    private const string CompleteMarker = IndexFolderOwnership.CompleteMarker;

    /// <summary>Another process's build older than this is abandoned and may be removed.</summary>
    private static readonly TimeSpan AbandonedBuildAge = TimeSpan.FromHours(1);

    /// <summary>
    /// Identifies the code that wrote an index: a new SkinBot build may split, clean or analyse differently, and
    /// must not reuse passages-by-ordinal from an index the old code wrote for the same corpus.
    /// </summary>
    private static readonly string CodeVersion =
        typeof(PassageIndexStore).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    /// <returns>The index, and whether it had to be built (false: reopened from disk).</returns>
    public (PassageIndex Index, bool Built) Open(string fingerprint, SkinBotAnalyzer analyzer, IReadOnlyList<Passage> passages)
    {
        var shardCount = PassageIndexWriter.ShardCount(passages.Count);
        if (rootPath is null)
        {
            LuceneDirectory[] memory = [.. Enumerable.Range(0, shardCount).Select(_ => new RAMDirectory())];
            PassageIndexWriter.Write(memory, analyzer, passages);
            return (new PassageIndex(memory, passages), true);
        }

        // Refused before anything is read or written: a folder that is not SkinBot's is not touched at all.
        IndexFolderOwnership.Claim(rootPath);
        var folderName = $"{fingerprint}-{CodeVersion}";
        var target = Path.Combine(rootPath, folderName);
        if (TryOpenExisting(target, passages) is { } existing)
        {
            return (existing, false);
        }

        var staging = Path.Combine(rootPath, $".{folderName}.{Guid.NewGuid():N}.tmp");
        IndexFolderOwnership.MarkGeneration(staging);
        LuceneDirectory[] written = [.. Enumerable.Range(0, shardCount).Select(i => FSDirectory.Open(Path.Combine(staging, ShardFolder(i))))];
        try
        {
            PassageIndexWriter.Write(written, analyzer, passages);
        }
        finally
        {
            foreach (var directory in written)
            {
                directory.Dispose();
            }
        }

        File.WriteAllText(Path.Combine(staging, CompleteMarker), fingerprint);
        try
        {
            if (IndexFolderOwnership.IsGeneration(target))
            {
                // A folder that could not be opened above (crashed build, damaged files): replace it.
                System.IO.Directory.Delete(target, recursive: true);
            }

            System.IO.Directory.Move(staging, target);
        }
        catch (IOException) when (File.Exists(Path.Combine(target, CompleteMarker)))
        {
            // Another process finished the same fingerprint first; use theirs.
            System.IO.Directory.Delete(staging, recursive: true);
        }

        RemoveOthers(folderName);
        return (TryOpenExisting(target, passages) ?? throw new IOException($"the index just written to {target} cannot be opened"), true);
    }

    private PassageIndex? TryOpenExisting(string target, IReadOnlyList<Passage> passages)
    {
        if (!File.Exists(Path.Combine(target, CompleteMarker)))
        {
            return null;
        }

        var shardFolders = System.IO.Directory.GetDirectories(target, ShardFolder(0)[..^1] + "*").Order(StringComparer.Ordinal).ToList();
        LuceneDirectory[] shards = [.. shardFolders.Select(folder => FSDirectory.Open(folder))];
        PassageIndex? index = null;
        try
        {
            if (shards.Length > 0 && shards.All(DirectoryReader.IndexExists))
            {
                index = new PassageIndex(shards, passages);
                if (index.DocumentCount == passages.Count)
                {
                    return index;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or CorruptIndexException or InvalidDataException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            // A damaged index (a full disk, a copy gone wrong) is rebuilt rather than failing every start.
            logger.IndexUnreadable(ex, target);
        }

        if (index is not null)
        {
            index.Dispose();
        }
        else
        {
            Array.ForEach(shards, d => d.Dispose());
        }

        return null;
    }

    private static string ShardFolder(int shard) => $"shard-{shard}";

    /// <summary>
    /// Old generations are removed once a new one is in place; files still open stay readable on Linux. Only folders
    /// marked as generations go: anything else in the index folder was put there by someone else and is theirs.
    /// </summary>
    private void RemoveOthers(string keep)
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(rootPath!))
        {
            var name = Path.GetFileName(folder);
            var anotherBuildInProgress = name.EndsWith(".tmp", StringComparison.Ordinal)
                && DateTime.UtcNow - System.IO.Directory.GetLastWriteTimeUtc(folder) < AbandonedBuildAge;
            if (name == keep || anotherBuildInProgress || !IndexFolderOwnership.IsGeneration(folder))
            {
                continue;
            }

            try
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.OldIndexKept(ex, folder);
            }
        }
    }
}
