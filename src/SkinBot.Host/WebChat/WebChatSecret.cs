using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SkinBot.Host.Startup;

namespace SkinBot.Host.WebChat;

/// <summary>
/// The key conversation ids and client ids are keyed hashes under, so nobody without it can forge an id or link an id
/// back to an address. Configured (<see cref="WebChatOptions.SigningKey"/>), it is the same on every web replica, so a
/// follow-up that lands on another replica continues the conversation. Otherwise a random key is made at start-up,
/// never stored or logged: a restart then starts every conversation afresh, which costs a single process nothing.
/// </summary>
internal sealed class WebChatSecret
{
    public const int KeyBytes = 32;

    private readonly byte[] _key;

    public WebChatSecret(IOptions<WebChatOptions> options)
    {
        var configured = options.Value.SigningKey;
        IsShared = configured is not null;
        _key = configured is null ? RandomNumberGenerator.GetBytes(KeyBytes)
            : Base64Key.TryDecode(configured, KeyBytes, out var key) ? key
            : throw new InvalidOperationException("WebChat:SigningKey is not base64 of at least 32 bytes.");
    }

    /// <summary>True when the key came from configuration, so other replicas can hold the same one.</summary>
    public bool IsShared { get; }

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
