using System.Buffers;
using System.Globalization;
using System.Text;

namespace SkinBot.Core.Markup;

/// <summary>
/// Undoes what hides words from analysis without changing what a person reads: chat markup (see
/// <see cref="ChatMarkup"/>), words spelled out letter by letter (<see cref="SpacedOutWords"/>), compatibility forms
/// (full-width, superscript, small-capital and other styled letters, <see cref="StyledLetters"/>), invisible format characters (zero-width
/// spaces and joiners), and Cyrillic or Greek look-alike letters inside otherwise Latin words ("pоckmarks" with
/// a Cyrillic о).
/// </summary>
public static class MessageNormalizer
{
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['а'] = 'a',
        ['е'] = 'e',
        ['о'] = 'o',
        ['р'] = 'p',
        ['с'] = 'c',
        ['у'] = 'y',
        ['х'] = 'x',
        ['і'] = 'i',
        ['ј'] = 'j',
        ['ѕ'] = 's',
        ['к'] = 'k',
        ['м'] = 'm',
        ['т'] = 't',
        ['в'] = 'b',
        ['н'] = 'h',
        ['А'] = 'A',
        ['Е'] = 'E',
        ['О'] = 'O',
        ['Р'] = 'P',
        ['С'] = 'C',
        ['У'] = 'Y',
        ['Х'] = 'X',
        ['І'] = 'I',
        ['К'] = 'K',
        ['М'] = 'M',
        ['Т'] = 'T',
        ['В'] = 'B',
        ['Н'] = 'H',
        ['ο'] = 'o',
        ['α'] = 'a',
        ['ε'] = 'e',
        ['ι'] = 'i',
        ['κ'] = 'k',
        ['ν'] = 'v',
        ['ρ'] = 'p',
        ['τ'] = 't',
        ['υ'] = 'u',
        ['χ'] = 'x',
    };

    private static readonly SearchValues<char> LookAlikeLetters = SearchValues.Create([.. LookAlikes.Keys]);

    public static string Normalize(string text)
    {
        // Spaced-out words before markup closes their gaps; markup next: a decoded entity may itself be a full-width or
        // invisible character folded below.
        text = StyledLetters.Fold(ChatMarkup.ToPlainText(SpacedOutWords.Join(text)));

        // Folded by hand: under InvariantGlobalization string.Normalize changes nothing.
        var visible = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                // Full-width ASCII: "ｆｅｖｅｒ" must reach the urgent triggers as "fever".
                visible.Append((char)(c - 0xFEE0));
            }
            else if (c == '\u3000')
            {
                visible.Append(' ');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                visible.Append(c);
            }
        }

        return FoldLookAlikes(visible.ToString());
    }

    /// <summary>Only words that mix Latin letters with look-alikes are folded; real Cyrillic or Greek text is left alone.</summary>
    private static string FoldLookAlikes(string text)
    {
        var output = new StringBuilder(text.Length);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetter(text[i]))
            {
                continue;
            }

            var word = text.AsSpan(start, i - start);
            if (HasLatin(word) && word.IndexOfAny(LookAlikeLetters) >= 0)
            {
                foreach (var c in word)
                {
                    output.Append(LookAlikes.TryGetValue(c, out var latin) ? latin : c);
                }
            }
            else
            {
                output.Append(word);
            }

            if (i < text.Length)
            {
                output.Append(text[i]);
            }

            start = i + 1;
        }

        return output.ToString();
    }

    private static bool HasLatin(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                return true;
            }
        }

        return false;
    }
}
