using System.Security.Cryptography;
using System.Text;

namespace SkinBot.Core.Feedback;

/// <summary>
/// HMAC-SHA256 of "platform:user id" under a secret key. Keyed, not a plain hash: platform ids are short numbers or
/// GUIDs, so an unkeyed hash could be reversed by hashing every id; without the key the stored value names nobody.
/// </summary>
public sealed class KeyedUserHasher
{
    /// <summary>Shorter keys are refused: HMAC-SHA256 is only as strong as its key.</summary>
    public const int MinimumKeyBytes = 32;

    private readonly byte[] _key;

    public KeyedUserHasher(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The user hash key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    public UserHash Hash(string platform, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{platform}:{userId}"));
        return new UserHash(Convert.ToHexStringLower(mac));
    }
}
