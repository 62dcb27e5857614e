using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace SkinBot.Discord.Interactions;

/// <summary>
/// Checks X-Signature-Ed25519 over the UTF-8 timestamp followed by the raw body bytes, with the application's
/// public key. Discord sends bad signatures on purpose and removes endpoints that accept them.
/// </summary>
internal sealed class InteractionSignatureVerifier
{
    private const int SignatureLength = 64;

    private readonly PublicKey? key;

    public InteractionSignatureVerifier(IOptions<DiscordOptions> options)
    {
        var hex = options.Value.PublicKey?.Trim();
        if (!string.IsNullOrEmpty(hex) && DiscordOptionsValidator.IsHex(hex, 64))
        {
            key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(hex), KeyBlobFormat.RawPublicKey);
        }
    }

    /// <summary>False when no public key is configured: the endpoint then does not exist.</summary>
    public bool IsConfigured => key is not null;

    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (key is null || string.IsNullOrEmpty(timestamp) || signatureHex is null
            || !DiscordOptionsValidator.IsHex(signatureHex, SignatureLength * 2))
        {
            return false;
        }

        var signature = Convert.FromHexString(signatureHex);
        var timestampLength = Encoding.UTF8.GetByteCount(timestamp);
        var message = new byte[timestampLength + body.Length];
        Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(timestampLength));
        return SignatureAlgorithm.Ed25519.Verify(key, message, signature);
    }
}
