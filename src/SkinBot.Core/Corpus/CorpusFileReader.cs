using System.Globalization;

namespace SkinBot.Core.Corpus;

/// <summary>
/// Reads one corpus file safely: only a regular file, only inside the corpus folder (links are followed only while
/// they stay inside), and at most <see cref="MaxFileBytes"/>. Anything else is refused with a
/// <see cref="CorpusFormatException"/> naming the file and why, before it is opened: a named pipe would block the
/// read forever, a link to a device would never end, and a looping link would never resolve.
/// </summary>
/// <param name="Root">The corpus folder; nothing outside it is read.</param>
/// <param name="MaxFileBytes">The largest file read (Engine:MaxCorpusFileBytes).</param>
public sealed record CorpusFileReader(string Root, long MaxFileBytes = CorpusFileReader.DefaultMaxFileBytes)
{
    /// <summary>
    /// 4 MiB: the largest corpus file today, safety-languages.yml, is about 1 MB and grows with every language's signs;
    /// an article is a few KB, so the limit is there for a file that is not corpus text at all.
    /// </summary>
    public const long DefaultMaxFileBytes = 4 * 1024 * 1024;

    /// <summary>256 MiB: a file is read whole into memory, and no article comes near this.</summary>
    public const long LargestMaxFileBytes = 256 * 1024 * 1024;

    public long MaxFileBytes { get; } = MaxFileBytes is > 0 and <= LargestMaxFileBytes
        ? MaxFileBytes
        : throw new ArgumentOutOfRangeException(nameof(MaxFileBytes), MaxFileBytes, $"between 1 and {LargestMaxFileBytes} bytes");

    /// <exception cref="CorpusFormatException">The entry is not a readable regular file within the limits.</exception>
    public async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken) =>
        CorpusText.Decode(path, await ReadBytesAsync(path, cancellationToken));

    /// <exception cref="CorpusFormatException">The entry is not a readable regular file within the limits.</exception>
    public async Task<byte[]> ReadBytesAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var real = Locate(path);
            var length = new FileInfo(real).Length;
            if (length > MaxFileBytes)
            {
                throw TooLarge(path, length);
            }

            // Where the kind could not be asked, a pipe or device still shows as an empty file: never open those.
            return length == 0 ? [] : await ReadBoundedAsync(path, real, length, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CorpusFormatException(path, $"it could not be read: {ex.Message}", ex);
        }
    }

    /// <returns>Where the file really is, after checking what it is.</returns>
    private string Locate(string path)
    {
        string real;
        try
        {
            real = RealPath.Resolve(path);
        }
        catch (IOException ex)
        {
            throw new CorpusFormatException(path, "it is a symbolic link that loops or cannot be followed", ex);
        }

        if (!RealPath.IsInside(real, RealPath.Resolve(Root)))
        {
            throw new CorpusFormatException(path, "it is a link leading outside the corpus folder, which SkinBot does not follow");
        }

        return EntryKinds.Of(real) switch
        {
            EntryKind.RegularFile => real,
            EntryKind.Missing => throw new CorpusFormatException(path, "it does not exist (a link to nothing?)"),
            EntryKind.Directory => throw new CorpusFormatException(path, "it is a link to a folder; SkinBot does not follow folder links, which can loop or lead out of the corpus"),
            EntryKind.Special => throw new CorpusFormatException(path, "it is not a regular file (a named pipe, socket or device)"),
            EntryKind.SymbolicLink => throw new CorpusFormatException(path, "it is a symbolic link that cannot be followed"),
            _ => Directory.Exists(real)
                ? throw new CorpusFormatException(path, "it is a link to a folder; SkinBot does not follow folder links, which can loop or lead out of the corpus")
                : real,
        };
    }

    /// <summary>Reads at most one byte past the limit, so a file that grows after it was measured still cannot run on.</summary>
    private async Task<byte[]> ReadBoundedAsync(string path, string real, long length, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            BufferSize = 0,
        };
        await using var stream = new FileStream(real, options);
        var buffer = new byte[(int)Math.Min(length, MaxFileBytes) + 1];
        var filled = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                return buffer[..filled];
            }

            filled += read;
            if (filled > MaxFileBytes)
            {
                throw TooLarge(path, filled);
            }

            if (filled == buffer.Length)
            {
                // It grew since it was measured: room for more, up to one byte past the limit.
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaxFileBytes + 1));
            }
        }
    }

    private CorpusFormatException TooLarge(string path, long length) =>
        new(path, string.Create(CultureInfo.InvariantCulture, $"it is at least {length:N0} bytes, over the limit of {MaxFileBytes:N0} bytes (Engine:MaxCorpusFileBytes)"));
}
