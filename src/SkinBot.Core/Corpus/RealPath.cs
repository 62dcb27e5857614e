namespace SkinBot.Core.Corpus;

/// <summary>
/// A path with every symbolic link in it followed, as the kernel would follow it, so "is this inside the corpus?"
/// is asked of where a file really is: a link through a folder link can otherwise look inside while leading out.
/// </summary>
public static class RealPath
{
    /// <summary>The kernel's own limit on links in one lookup (Linux MAXSYMLINKS).</summary>
    private const int MaxLinks = 40;

    /// <exception cref="IOException">The links loop, or there are too many of them.</exception>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var resolved = Path.GetPathRoot(full)!;
        var pending = new Stack<string>();
        Push(pending, full[resolved.Length..]);
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? resolved;
                continue;
            }

            var next = Path.Join(resolved, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                resolved = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"too many levels of symbolic links in {path}");
            }

            if (Path.IsPathRooted(target))
            {
                resolved = Path.GetPathRoot(target)!;
                target = target[resolved.Length..];
            }

            Push(pending, target);
        }

        return resolved;
    }

    /// <summary>Whether <paramref name="path"/> is inside <paramref name="folder"/> (both already resolved).</summary>
    public static bool IsInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison);
    }

    private static void Push(Stack<string> pending, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts.Reverse().Where(p => p != "."))
        {
            pending.Push(part);
        }
    }
}
