using System.Security.Cryptography;
using System.Text;

namespace SkinBot.Core.Corpus;

/// <summary>
/// A short hash over everything that shapes answers (articles, synonyms, intents) and the index format,
/// so an unchanged corpus is not re-indexed and every answer can be traced to the content it came from.
/// </summary>
public static class CorpusFingerprint
{
    /// <summary>Bump when the index layout or analysis changes, so old persisted indexes are rebuilt.</summary>
    public const int IndexFormatVersion = 3;

    public static async Task<string> ComputeAsync(IEnumerable<string> files, string root, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"skinbot-index-v{IndexFormatVersion}\n"));
        foreach (var file in files.Where(File.Exists).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            hash.AppendData(await File.ReadAllBytesAsync(file, cancellationToken));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
