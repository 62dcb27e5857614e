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
        if (rootPath is null)
        {
            var memory = new RAMDirectory();
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
        using (var directory = FSDirectory.Open(staging))
        {
            PassageIndexWriter.Write(directory, analyzer, passages);
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
        return (new PassageIndex(FSDirectory.Open(target), passages), true);
    }

    private static PassageIndex? TryOpenExisting(string target, IReadOnlyList<Passage> passages)
    {
        if (!File.Exists(Path.Combine(target, CompleteMarker)))
        {
            return null;
        }

        LuceneDirectory directory = FSDirectory.Open(target);
        if (!DirectoryReader.IndexExists(directory))
        {
            directory.Dispose();
            return null;
        }

        var index = new PassageIndex(directory, passages);
        if (index.DocumentCount == passages.Count)
        {
            return index;
        }

        index.Dispose();
        return null;
    }

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
