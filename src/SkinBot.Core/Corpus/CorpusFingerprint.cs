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

    /// <param name="files">The content files; those that do not exist are left out.</param>
    /// <param name="reader">Reads them within the corpus rules; an entry it refuses counts by its name and reason,
    /// so the fingerprint changes when that entry is fixed, and one bad entry cannot stop it.</param>
    /// <param name="cancellationToken">Stops the hashing.</param>
    public static async Task<string> ComputeAsync(IEnumerable<string> files, CorpusFileReader reader, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"skinbot-index-v{IndexFormatVersion}\n"));
        foreach (var file in files.Where(f => File.Exists(f) || Directory.Exists(f)).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(reader.Root, file).Replace('\\', '/');
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            try
            {
                hash.AppendData(await reader.ReadBytesAsync(file, cancellationToken));
            }
            catch (CorpusFormatException ex)
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"\0skipped: {ex.Reason}"));
            }

            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
