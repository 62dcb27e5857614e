using System.Text;

namespace SkinBot.Core.Markup;

/// <summary>
/// Letters dressed up as other characters ("ᴵ ᵈᵒⁿᵗ ʷᵃⁿⁿᵃ", "ᴅᴏɴᴛ", "ⓓⓘⓔ", "𝐝𝐢𝐞", "🇩🇮🇪") read as the plain letters
/// they show. Font generators and "tiny text" keyboards make them, and people use them for style or to slip past a
/// filter; every reader sees the word. Folded by hand, since under InvariantGlobalization string.Normalize changes
/// nothing.
/// </summary>
internal static class StyledLetters
{
    /// <summary>Superscript (modifier) and small-capital letters, which sit in no run of their own.</summary>
    private static readonly Dictionary<int, char> Scattered = new()
    {
        [0x1D43] = 'a', [0x1D47] = 'b', [0x1D9C] = 'c', [0x1D48] = 'd', [0x1D49] = 'e', [0x1DA0] = 'f', [0x1D4D] = 'g',
        [0x02B0] = 'h', [0x2071] = 'i', [0x02B2] = 'j', [0x1D4F] = 'k', [0x02E1] = 'l', [0x1D50] = 'm', [0x207F] = 'n',
        [0x1D52] = 'o', [0x1D56] = 'p', [0x02B3] = 'r', [0x02E2] = 's', [0x1D57] = 't', [0x1D58] = 'u', [0x1D5B] = 'v',
        [0x02B7] = 'w', [0x02E3] = 'x', [0x02B8] = 'y', [0x1DBB] = 'z',
        [0x1D2C] = 'A', [0x1D2E] = 'B', [0x1D30] = 'D', [0x1D31] = 'E', [0x1D33] = 'G', [0x1D34] = 'H', [0x1D35] = 'I',
        [0x1D36] = 'J', [0x1D37] = 'K', [0x1D38] = 'L', [0x1D39] = 'M', [0x1D3A] = 'N', [0x1D3C] = 'O', [0x1D3E] = 'P',
        [0x1D3F] = 'R', [0x1D40] = 'T', [0x1D41] = 'U', [0x1D42] = 'W',
        [0x1D00] = 'a', [0x0299] = 'b', [0x1D04] = 'c', [0x1D05] = 'd', [0x1D07] = 'e', [0xA730] = 'f', [0x0262] = 'g',
        [0x029C] = 'h', [0x026A] = 'i', [0x1D0A] = 'j', [0x1D0B] = 'k', [0x029F] = 'l', [0x1D0D] = 'm', [0x0274] = 'n',
        [0x1D0F] = 'o', [0x1D18] = 'p', [0x0280] = 'r', [0xA731] = 's', [0x1D1B] = 't', [0x1D1C] = 'u', [0x1D20] = 'v',
        [0x1D21] = 'w', [0x028F] = 'y', [0x1D22] = 'z',
    };

    /// <summary>The plain letter a styled one shows, or null for any other character.</summary>
    private static char? Plain(int codePoint) => codePoint switch
    {
        // Thirteen mathematical alphabets (bold, italic, script, fraktur, double-struck, sans, monospace...), each A-Z
        // then a-z, one after another.
        >= 0x1D400 and <= 0x1D6A3 => Letter((codePoint - 0x1D400) % 52),
        >= 0x24B6 and <= 0x24CF => (char)('A' + (codePoint - 0x24B6)),
        >= 0x24D0 and <= 0x24E9 => (char)('a' + (codePoint - 0x24D0)),
        >= 0x1F130 and <= 0x1F149 => (char)('A' + (codePoint - 0x1F130)),
        >= 0x1F150 and <= 0x1F169 => (char)('A' + (codePoint - 0x1F150)),
        >= 0x1F170 and <= 0x1F189 => (char)('A' + (codePoint - 0x1F170)),
        >= 0x1F1E6 and <= 0x1F1FF => (char)('a' + (codePoint - 0x1F1E6)),
        _ => Scattered.TryGetValue(codePoint, out var letter) ? letter : null,
    };

    private static char Letter(int index) => index < 26 ? (char)('A' + index) : (char)('a' + index - 26);

    /// <summary>The text with styled letters written plainly, or the text itself when it has none.</summary>
    public static string Fold(string text)
    {
        StringBuilder? plain = null;
        for (var i = 0; i < text.Length; i++)
        {
            var codePoint = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            var width = codePoint > 0xFFFF ? 2 : 1;
            if (Plain(codePoint) is { } letter)
            {
                plain ??= new StringBuilder(text.Length).Append(text, 0, i);
                plain.Append(letter);
            }
            else
            {
                plain?.Append(text, i, width);
            }

            i += width - 1;
        }

        return plain?.ToString() ?? text;
    }
}
