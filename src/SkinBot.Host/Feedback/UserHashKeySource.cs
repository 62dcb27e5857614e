using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using SkinBot.Core.Feedback;
using SkinBot.Host.Startup;

namespace SkinBot.Host.Feedback;

/// <summary>
/// Where the user-hash key comes from. Configured: Feedback:UserHashKey. Not configured (a single host on SQLite, as
/// `dotnet run` is): a random key made once and kept beside the database, readable only by its owner, so hashes stay
/// stable across restarts (one vote per person, "forget me" still finds them) without anyone choosing a key, and a
/// copy of the database alone still names nobody if the key file is kept out of backups. Replicas sharing
/// PostgreSQL cannot share a file, so there the key must be configured.
/// </summary>
internal static class UserHashKeySource
{
    public const string KeyFileName = "feedback-user-hash.key";

    public static KeyedUserHasher Create(FeedbackOptions options, string dataFolder)
    {
        if (options.UserHashKey is { } configured)
        {
            return TryDecode(configured, out var key)
                ? new KeyedUserHasher(key)
                : throw new InvalidOperationException("Feedback:UserHashKey is not base64 of at least 32 bytes.");
        }

        return new KeyedUserHasher(ReadOrCreateKeyFile(dataFolder));
    }

    public static bool TryDecode(string text, [NotNullWhen(true)] out byte[]? key) =>
        Base64Key.TryDecode(text, KeyedUserHasher.MinimumKeyBytes, out key);

    private static byte[] ReadOrCreateKeyFile(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, KeyFileName);
        if (File.Exists(path) && TryDecode(File.ReadAllText(path), out var existing))
        {
            return existing;
        }

        var key = RandomNumberGenerator.GetBytes(KeyedUserHasher.MinimumKeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        return key;
    }
}
