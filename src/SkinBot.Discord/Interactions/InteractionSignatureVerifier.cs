using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace SkinBot.Discord.Interactions;

/// <summary>
/// Checks X-Signature-Ed25519 over the UTF-8 timestamp followed by the raw body bytes, with the application's
/// public key. Discord sends bad signatures on purpose and removes endpoints that accept them. The timestamp must
/// be Unix seconds within <see cref="DiscordOptions.InteractionTimestampTolerance"/> of now, so a captured request
/// cannot be replayed later; within that window the endpoint refuses an interaction id it has already seen.
/// </summary>
internal sealed class InteractionSignatureVerifier
{
    private const int SignatureLength = 64;

    /// <summary>Unix seconds have 10 digits until the year 2286; 11 leave room and keep parsing trivially bounded.</summary>
    private const int MaxTimestampDigits = 11;

    private readonly PublicKey? _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;

    public InteractionSignatureVerifier(IOptions<DiscordOptions> options, TimeProvider time)
    {
        _time = time;
        _tolerance = options.Value.InteractionTimestampTolerance;
        var hex = options.Value.PublicKey?.Trim();
        if (!string.IsNullOrEmpty(hex) && DiscordOptionsValidator.IsHex(hex, 64))
        {
            _key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(hex), KeyBlobFormat.RawPublicKey);
        }
    }

    /// <summary>False when no public key is configured: the endpoint then does not exist.</summary>
    public bool IsConfigured => _key is not null;

    /// <summary>What can be checked before the body is read: both headers present, well-formed and fresh.</summary>
    public SignatureCheck CheckHeaders(string? signatureHex, string? timestamp)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp))
        {
            return SignatureCheck.Missing;
        }

        if (!DiscordOptionsValidator.IsHex(signatureHex, SignatureLength * 2) || !TryParseTimestamp(timestamp, out var signedAt))
        {
            return SignatureCheck.Malformed;
        }

        return (_time.GetUtcNow() - signedAt).Duration() > _tolerance ? SignatureCheck.Stale : SignatureCheck.Valid;
    }

    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (_key is null || CheckHeaders(signatureHex, timestamp) != SignatureCheck.Valid)
        {
            return false;
        }

        var signature = Convert.FromHexString(signatureHex!);
        var timestampLength = Encoding.UTF8.GetByteCount(timestamp!);
        var message = new byte[timestampLength + body.Length];
        Encoding.UTF8.GetBytes(timestamp!, message);
        body.CopyTo(message.AsSpan(timestampLength));
        return SignatureAlgorithm.Ed25519.Verify(_key, message, signature);
    }

    private static bool TryParseTimestamp(string timestamp, out DateTimeOffset signedAt)
    {
        signedAt = default;
        if (timestamp.Length > MaxTimestampDigits || !timestamp.All(char.IsAsciiDigit))
        {
            return false;
        }

        signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}

/// <summary>The outcome of checking the signature headers, named in the log line of a refusal.</summary>
internal enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Stale,
}
