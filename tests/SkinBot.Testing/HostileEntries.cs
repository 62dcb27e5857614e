using System.Diagnostics;

namespace SkinBot.Testing;

/// <summary>
/// Corpus entries a careless or hostile editor can leave behind: named pipes, links that loop or lead out, binary
/// and oversize files. Real filesystem objects, so a test sees what the loader would meet on a server.
/// </summary>
public static class HostileEntries
{
    /// <summary>Named pipes and the links below need a Unix filesystem.</summary>
    public static bool Supported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>A named pipe with no writer: opening it for reading blocks until someone writes.</summary>
    public static void Fifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("mkfifo could not be started");
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0)
        {
            throw new InvalidOperationException($"mkfifo {path} exited with {mkfifo.ExitCode}");
        }
    }

    /// <summary>A link to itself: following it never ends.</summary>
    public static void SelfLoop(string path) => Link(path, Path.GetFileName(path));

    /// <summary>A symbolic link at <paramref name="path"/> to <paramref name="target"/> (absolute, or relative to the link's folder).</summary>
    public static void Link(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (Directory.Exists(Path.Combine(Path.GetDirectoryName(path)!, target)))
        {
            Directory.CreateSymbolicLink(path, target);
        }
        else
        {
            File.CreateSymbolicLink(path, target);
        }
    }

    /// <summary>A file of <paramref name="bytes"/> bytes of Markdown-looking text.</summary>
    public static void Oversize(string path, long bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        var header = "---\ntitle: Huge\n---\n\n"u8.ToArray();
        file.Write(header);
        var line = "Pitted scars, again and again.\n"u8.ToArray();
        for (var written = (long)header.Length; written < bytes; written += line.Length)
        {
            file.Write(line, 0, (int)Math.Min(line.Length, bytes - written));
        }
    }
}
