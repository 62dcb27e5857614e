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
    /// <summary>Superscript (modifier) letters, then small capitals, which sit in no run of their own...</summary>
    private const string ScatteredStyled = "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁᵂᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ";

    /// <summary>... and the plain letter each shows, in the same order.</summary>
    private const string ScatteredPlain = "abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUWabcdefghijklmnoprstuvwyz";

    private static readonly Dictionary<int, char> Scattered = ScatteredStyled.Zip(ScatteredPlain).ToDictionary(pair => (int)pair.First, pair => pair.Second);

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
        // Most messages hold nothing from the lowest styled letter (small capital G, U+0262) up: one vectorised scan.
        if (text.AsSpan().IndexOfAnyInRange('\u0262', '\uFFFF') < 0)
        {
            return text;
        }

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
