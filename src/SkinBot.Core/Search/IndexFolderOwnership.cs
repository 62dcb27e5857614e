namespace SkinBot.Core.Search;

/// <summary>
/// What in the index folder SkinBot made, and so may delete. The folder itself carries <see cref="RootMarker"/>
/// once SkinBot has claimed it; each index generation inside carries <see cref="GenerationMarker"/>, written before
/// anything else goes in. Nothing without a marker is ever deleted, and a folder already holding other things is
/// refused rather than claimed, so a mistaken Engine:IndexPath cannot cost anyone their files.
/// </summary>
public static class IndexFolderOwnership
{
    public const string RootMarker = "skinbot-index.root";

    public const string GenerationMarker = "skinbot-index.generation";

    /// <summary>The completion file every generation has had; generations written before the markers carry only this.</summary>
    public const string CompleteMarker = "skinbot-index.complete";

    private const string RootMarkerText =
        "SkinBot keeps its search indexes in this folder and deletes old ones it made (folders holding "
        + GenerationMarker + "). It deletes nothing else here.\n";

    /// <returns>Null when SkinBot may use <paramref name="folder"/> as its index folder; otherwise why not.</returns>
    public static string? WhyNotOurs(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (Path.GetPathRoot(full) == full)
        {
            return $"{full} is a filesystem root";
        }

        if (File.Exists(full))
        {
            return $"{full} is a file, not a folder";
        }

        if (!Directory.Exists(full) || File.Exists(Path.Combine(full, RootMarker)))
        {
            return null;
        }

        // An unmarked folder is SkinBot's only if it is empty or holds nothing but generations an earlier SkinBot wrote.
        var foreign = Directory.EnumerateFileSystemEntries(full).Where(entry => !IsGeneration(entry)).Take(3).Select(Path.GetFileName).ToList();
        return foreign.Count == 0
            ? null
            : $"{full} already holds {string.Join(", ", foreign)}, which SkinBot did not make; use a new or empty folder";
    }

    /// <summary>Makes <paramref name="folder"/> SkinBot's index folder, or refuses it.</summary>
    /// <exception cref="IndexFolderRefusedException">The folder holds things SkinBot did not make.</exception>
    public static void Claim(string folder)
    {
        if (WhyNotOurs(folder) is { } reason)
        {
            throw new IndexFolderRefusedException(folder, reason);
        }

        var marker = Path.Combine(folder, RootMarker);
        if (!File.Exists(marker))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(marker, RootMarkerText);
        }
    }

    /// <summary>Starts a generation: the marker goes in first, so even a build that dies at once leaves a folder known to be SkinBot's.</summary>
    public static void MarkGeneration(string generation)
    {
        Directory.CreateDirectory(generation);
        File.WriteAllText(Path.Combine(generation, GenerationMarker), "SkinBot index generation\n");
    }

    /// <summary>
    /// A real folder (not a link: deleting through one would reach outside) holding a marker SkinBot writes.
    /// </summary>
    public static bool IsGeneration(string path)
    {
        var info = new DirectoryInfo(path);
        return info.Exists
            && info.LinkTarget is null
            && (IsPlainFile(Path.Combine(path, GenerationMarker)) || IsPlainFile(Path.Combine(path, CompleteMarker)));
    }

    private static bool IsPlainFile(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is null;
    }
}
