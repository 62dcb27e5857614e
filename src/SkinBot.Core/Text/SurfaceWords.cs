using System.Globalization;

namespace SkinBot.Core.Text;

/// <summary>
/// The words of a message as written (lower-cased, no stemming, no synonyms). Scope and pleasantry rules work
/// on these: the search analysis maps "scratch" to "pick" and "acne scar" to "pockmark", which is right for
/// finding passages and wrong for telling a cat scratch from a picked pimple.
/// </summary>
public static class SurfaceWords
{
    /// <summary>
    /// Letters and digits; an apostrophe inside a word is dropped so "don't" and "dont" read the same. Chinese,
    /// Japanese and Thai put no spaces between words, so each of their characters is a word of its own, and a phrase
    /// written in them is matched wherever its characters occur in a row (<see cref="IsIdeographPair"/> too).
    /// </summary>
    public static IReadOnlyList<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsIdeographPair(text.AsSpan(i)))
            {
                Flush(words, current);
                words.Add(text.Substring(i, 2));
                i++;
            }
            else if (StandsAlone(c))
            {
                Flush(words, current);
                words.Add(c.ToString());
            }
            else if (IsWordCharacter(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' && current.Length > 0)
            {
                continue;
            }
            else
            {
                Flush(words, current);
            }
        }

        Flush(words, current);
        return words;
    }

    /// <summary>
    /// A letter, a digit, or a vowel sign or other mark of a script that writes them apart from the letter (Hindi
    /// "मैं" is a letter and a mark): splitting at those would cut every word of the script in pieces. Latin's
    /// combining accents stay separators, as before, since typed Latin text arrives with its accents composed, and so
    /// do the marks that follow emoji and symbols (the variation selector of "⚰️", a keycap), which the emoji reading spells.
    /// </summary>
    public static bool IsWordCharacter(char c) =>
        char.IsLetterOrDigit(c)
        || (c is >= '\u0483' and <= '\u1AAF' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);

    /// <summary>A character of a script written without spaces between words: Chinese, Japanese kana, Thai, Lao, Myanmar, Khmer.</summary>
    public static bool StandsAlone(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u0E00' and <= '\u0EFF') or (>= '\u1000' and <= '\u109F') or (>= '\u1780' and <= '\u17FF');

    /// <summary>
    /// A Chinese character beyond the first plane (CJK extensions B to F, written as two UTF-16 units): Cantonese writes
    /// everyday words with them ("𠝹手", to cut one's arm), and read unit by unit they would be dropped, leaving "手".
    /// </summary>
    public static bool IsIdeographPair(ReadOnlySpan<char> text) =>
        text.Length >= 2 && text[0] is >= '\uD840' and <= '\uD87F' && char.IsLowSurrogate(text[1]);

    private static void Flush(List<string> words, System.Text.StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
