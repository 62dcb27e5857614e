namespace SkinBot.Core.Corpus;

/// <summary>A corpus file that cannot be read as an article; the loader skips it and logs why.</summary>
public sealed class CorpusFormatException(string filePath, string reason, Exception? inner = null)
    : Exception($"{filePath}: {reason}", inner)
{
    public string FilePath { get; } = filePath;

    public string Reason { get; } = reason;
}
