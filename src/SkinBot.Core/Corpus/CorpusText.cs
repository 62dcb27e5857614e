using System.Text;

namespace SkinBot.Core.Corpus;

/// <summary>
/// Bytes of a corpus file → text, strictly: UTF-8 (a byte order mark allowed) or UTF-16 with its byte order mark.
/// Anything else, or text holding NUL characters, is a binary file and not an article; decoding it leniently would
/// index replacement characters and noise.
/// </summary>
public static class CorpusText
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding Utf16LittleEndian = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding Utf16BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <exception cref="CorpusFormatException">The bytes are not text.</exception>
    public static string Decode(string path, ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = bytes switch
            {
                [0xEF, 0xBB, 0xBF, ..] => Utf8.GetString(bytes[3..]),
                [0xFF, 0xFE, ..] => Utf16LittleEndian.GetString(bytes[2..]),
                [0xFE, 0xFF, ..] => Utf16BigEndian.GetString(bytes[2..]),
                _ => Utf8.GetString(bytes),
            };
        }
        catch (DecoderFallbackException ex)
        {
            throw new CorpusFormatException(path, "it is not UTF-8 text (nor UTF-16 with a byte order mark), so it is taken for a binary file", ex);
        }

        return text.Contains('\0', StringComparison.Ordinal)
            ? throw new CorpusFormatException(path, "it holds NUL characters, so it is a binary file, not text")
            : text;
    }
}
