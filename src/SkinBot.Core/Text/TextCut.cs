using System.Globalization;
using System.Text;

namespace SkinBot.Core.Text;

/// <summary>
/// Cuts text to a platform's length limit without breaking what a reader sees as one character: cuts fall on
/// text-element (grapheme) boundaries, so an emoji, a flag or a letter with its accents stays whole, and no cut
/// ever leaves half of a surrogate pair. Lengths are UTF-16 code units, as Discord and Teams count them.
/// </summary>
public static class TextCut
{
    public const string Ellipsis = "…";

    /// <summary>
    /// The largest index at most <paramref name="maxLength"/> where <paramref name="text"/> can be cut. When the
    /// first text element alone is longer than that (a base letter under hundreds of combining marks), the cut
    /// falls between Unicode scalars instead, so a limit still yields a non-empty, well-formed piece.
    /// </summary>
    public static int Boundary(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (maxLength >= text.Length)
        {
            return text.Length;
        }

        if (maxLength <= 0)
        {
            return 0;
        }

        var boundary = 0;
        while (boundary < text.Length)
        {
            var next = boundary + StringInfo.GetNextTextElementLength(text, boundary);
            if (next > maxLength)
            {
                break;
            }

            boundary = next;
        }

        return boundary > 0 ? boundary : ScalarBoundary(text, maxLength);
    }

    /// <summary>The text itself when it fits, else its longest well-cut prefix plus "…", at most <paramref name="maxLength"/> long.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, Ellipsis.Length);
        return text.Length <= maxLength ? text : text[..Boundary(text, maxLength - Ellipsis.Length)].TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// About <paramref name="keep"/> characters of <paramref name="text"/> ending at a word when one ends in the
    /// second half, plus "…"; the result is never longer than <paramref name="keep"/> + 1.
    /// </summary>
    public static string TrimAtWord(string text, int keep)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (keep >= text.Length)
        {
            return text;
        }

        if (keep <= 0)
        {
            return Ellipsis;
        }

        // A space in the second half makes a tidy end; Boundary still checks it, as a space can belong to the
        // text element before it (after a prepended mark).
        var space = text.LastIndexOf(' ', keep - 1);
        var cut = Boundary(text, space > keep / 2 ? space : keep);
        return text[..cut].TrimEnd() + Ellipsis;
    }

    private static int ScalarBoundary(string text, int maxLength)
    {
        var index = 0;
        while (index < text.Length)
        {
            var width = Rune.TryGetRuneAt(text, index, out var rune) ? rune.Utf16SequenceLength : 1;
            if (index + width > maxLength)
            {
                break;
            }

            index += width;
        }

        return index;
    }
}
