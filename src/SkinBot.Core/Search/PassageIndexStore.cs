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
    private const string CompleteMarker = "skinbot-index.complete";

    public bool InMemory => rootPath is null;

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

        var target = Path.Combine(rootPath, fingerprint);
        if (TryOpenExisting(target, passages) is { } existing)
        {
            return (existing, false);
        }

        System.IO.Directory.CreateDirectory(rootPath);
        var staging = Path.Combine(rootPath, $".{fingerprint}.{Guid.NewGuid():N}.tmp");
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
            if (System.IO.Directory.Exists(target))
            {
                // An incomplete folder from a crashed build: replace it.
                System.IO.Directory.Delete(target, recursive: true);
            }

            System.IO.Directory.Move(staging, target);
        }
        catch (IOException) when (TryOpenExisting(target, passages) is not null)
        {
            // Another process finished the same fingerprint first; use theirs.
            System.IO.Directory.Delete(staging, recursive: true);
        }

        RemoveOthers(fingerprint);
        return (TryOpenExisting(target, passages) ?? throw new IOException($"the index just written to {target} cannot be opened"), true);
    }

    private static PassageIndex? TryOpenExisting(string target, IReadOnlyList<Passage> passages)
    {
        if (!File.Exists(Path.Combine(target, CompleteMarker)))
        {
            return null;
        }

        var shardFolders = System.IO.Directory.GetDirectories(target, ShardFolder(0)[..^1] + "*").Order(StringComparer.Ordinal).ToList();
        LuceneDirectory[] shards = [.. shardFolders.Select(folder => FSDirectory.Open(folder))];
        if (shards.Length == 0 || !shards.All(DirectoryReader.IndexExists))
        {
            Array.ForEach(shards, d => d.Dispose());
            return null;
        }

        var index = new PassageIndex(shards, passages);
        if (index.DocumentCount == passages.Count)
        {
            return index;
        }

        index.Dispose();
        return null;
    }

    private static string ShardFolder(int shard) => $"shard-{shard}";

    /// <summary>Old fingerprints are removed once a new one is in place; files still open stay readable on Linux.</summary>
    private void RemoveOthers(string keep)
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(rootPath!))
        {
            if (Path.GetFileName(folder) == keep)
            {
                continue;
            }

            try
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogDebug(ex, "Could not remove old index folder {Folder}; it will be retried on the next build", folder);
            }
        }
    }
}
