using System.Buffers.Text;
using System.Security.Cryptography;

namespace SkinBot.Host.WebChat;

/// <summary>
/// A web chat conversation id issued by this process: 128 random bits and a tag binding them to the client they were
/// issued to (<c>nonce.tag</c>, 45 characters of base64url). An id the server did not issue, or issued to another
/// client, is not redeemed, so guessing or copying an id never reaches somebody else's follow-up memory.
/// </summary>
internal readonly record struct WebConversationId
{
    private const string Purpose = "skinbot.web.conversation";
    private const int NonceBytes = 16;
    private const int TagBytes = 16;
    private const char Separator = '.';

    private WebConversationId(string value) => Value = value;

    public string Value { get; }

    public static WebConversationId Issue(WebClientId client, WebChatSecret secret)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        return new WebConversationId(Base64Url.EncodeToString(nonce) + Separator + Base64Url.EncodeToString(TagOf(nonce, client, secret)));
    }

    /// <returns>The id when this process issued it to <paramref name="client"/>; otherwise null.</returns>
    public static WebConversationId? TryRedeem(string? candidate, WebClientId client, WebChatSecret secret)
    {
        if (candidate is null || candidate.Length > 64)
        {
            return null;
        }

        var separator = candidate.IndexOf(Separator, StringComparison.Ordinal);
        if (separator < 0)
        {
            return null;
        }

        Span<byte> nonce = stackalloc byte[NonceBytes + 2];
        Span<byte> tag = stackalloc byte[TagBytes + 2];
        if (!Base64Url.TryDecodeFromChars(candidate.AsSpan(0, separator), nonce, out var nonceLength) || nonceLength != NonceBytes
            || !Base64Url.TryDecodeFromChars(candidate.AsSpan(separator + 1), tag, out var tagLength) || tagLength != TagBytes)
        {
            return null;
        }

        var expected = TagOf(nonce[..NonceBytes], client, secret);
        // Re-encoded, so spellings that decode to the same bytes are one conversation.
        return CryptographicOperations.FixedTimeEquals(expected, tag[..TagBytes])
            ? new WebConversationId(Base64Url.EncodeToString(nonce[..NonceBytes]) + Separator + Base64Url.EncodeToString(expected))
            : null;
    }

    public override string ToString() => Value;

    private static byte[] TagOf(ReadOnlySpan<byte> nonce, WebClientId client, WebChatSecret secret)
    {
        var clientBytes = client.Bytes;
        var data = new byte[nonce.Length + clientBytes.Length];
        nonce.CopyTo(data);
        clientBytes.CopyTo(data.AsSpan(nonce.Length));
        return secret.Tag(Purpose, data)[..TagBytes];
    }
}
