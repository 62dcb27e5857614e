using System.Globalization;
using System.Text;

namespace SkinBot.Testing;

/// <summary>Checks on cut text: no lone surrogates, and cuts only between what a reader sees as characters.</summary>
public static class TextChecks
{
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    /// <summary>True when every surrogate in <paramref name="text"/> is half of a pair (the text encodes to UTF-8).</summary>
    public static bool IsWellFormed(string? text)
    {
        try
        {
            _ = Strict.GetByteCount(text ?? string.Empty);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The text elements (grapheme clusters) of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> TextElements(string text)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }
}
