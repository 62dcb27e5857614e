using System.Runtime.InteropServices;

namespace SkinBot.Core.Corpus;

/// <summary>What a path names, without following a link at its end.</summary>
public enum EntryKind
{
    Missing,
    RegularFile,
    Directory,
    SymbolicLink,

    /// <summary>A named pipe, socket or device: reading one can block forever or never end.</summary>
    Special,

    /// <summary>The platform cannot say; callers must not rely on the answer (and read nothing of zero length).</summary>
    Unknown,
}

/// <summary>
/// Tells a regular file from a named pipe or device, which .NET's file APIs cannot: both look like an ordinary
/// empty file, and opening a pipe blocks until someone writes to it. On Linux this asks the kernel (statx, whose
/// layout is the same on every architecture); elsewhere, or where statx is unavailable, it answers Unknown.
/// </summary>
public static partial class EntryKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxBufferSize = 256;
    private const int ModeOffset = 28;
    private const int NoSuchEntry = 2;
    private const int TypeMask = 0xF000;

    private static volatile bool _statxUnavailable = !OperatingSystem.IsLinux();

    public static EntryKind Of(string path)
    {
        if (_statxUnavailable)
        {
            return EntryKind.Unknown;
        }

        var buffer = new byte[StatxBufferSize];
        try
        {
            if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
            {
                return Marshal.GetLastPInvokeError() == NoSuchEntry ? EntryKind.Missing : EntryKind.Unknown;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // An old C library without statx: fall back to what .NET can tell, with the zero-length guard.
            _statxUnavailable = true;
            return EntryKind.Unknown;
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
        {
            0x8000 => EntryKind.RegularFile,
            0x4000 => EntryKind.Directory,
            0xA000 => EntryKind.SymbolicLink,
            _ => EntryKind.Special,
        };
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
