namespace SkinBot.Core.Search;

/// <summary>The index folder holds things SkinBot did not make, so SkinBot will not write or delete there.</summary>
public sealed class IndexFolderRefusedException(string folderPath, string reason)
    : IOException($"SkinBot will not use {folderPath} as its index folder: {reason}")
{
    public string FolderPath { get; } = folderPath;

    public string Reason { get; } = reason;
}
