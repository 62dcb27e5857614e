using System.Security.Cryptography;
using System.Text;

namespace SkinBot.Host.WebChat;

/// <summary>
/// A random key made at start-up and never stored or logged. Conversation ids and client ids are keyed hashes under it,
/// so nobody outside this process can forge an id or link an id back to an address; a restart simply starts every
/// conversation afresh, which costs nothing because follow-up memory lives in this process too.
/// </summary>
internal sealed class WebChatSecret
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>HMAC-SHA256 of <paramref name="data"/> for one <paramref name="purpose"/>, so a tag made for one use never passes for another.</summary>
    public byte[] Tag(string purpose, ReadOnlySpan<byte> data)
    {
        var purposeBytes = Encoding.ASCII.GetBytes(purpose);
        var message = new byte[purposeBytes.Length + 1 + data.Length];
        purposeBytes.CopyTo(message, 0);
        data.CopyTo(message.AsSpan(purposeBytes.Length + 1));
        return HMACSHA256.HashData(_key, message);
    }
}
