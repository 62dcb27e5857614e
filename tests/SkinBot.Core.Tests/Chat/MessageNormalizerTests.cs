using SkinBot.Core.Markup;
using SkinBot.Core.Text;

namespace SkinBot.Core.Tests.Chat;

/// <summary>Tricks that hide words from analysis are undone; real non-Latin text is left alone.</summary>
public sealed class MessageNormalizerTests
{
    [Theory]
    [InlineData("box\u200Bcar", "boxcar")]
    [InlineData("sub\u200Ccision\u200D", "subcision")]
    [InlineData("\uFEFFscars\u2060", "scars")]
    [InlineData("p\u00ADockmarks", "pockmarks")]
    public void Invisible_format_characters_are_removed(string text, string expected)
    {
        Assert.Equal(expected, MessageNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("p\u043Eckmarks", "pockmarks")]
    [InlineData("\u0441ubcision", "cubcision")]
    [InlineData("ret\u0456nol", "retinol")]
    [InlineData("b\u03BFxcar", "boxcar")]
    public void Look_alike_letters_inside_latin_words_are_folded(string text, string expected)
    {
        Assert.Equal(expected, MessageNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("что такое рубцы")]
    [InlineData("τι είναι")]
    [InlineData("痘痕怎么治疗")]
    public void Real_non_latin_text_is_left_alone(string text)
    {
        Assert.Equal(text, MessageNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("\uFF50\uFF4F\uFF43\uFF4B\uFF4D\uFF41\uFF52\uFF4B\uFF53", "pockmarks")]
    [InlineData("\uFF22\uFF4F\uFF58\uFF43\uFF41\uFF52\uFF1F", "Boxcar?")]
    public void Full_width_letters_become_ordinary_letters(string text, string expected)
    {
        Assert.Equal(expected, MessageNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("**what** are _rolling_ scars??", "what are rolling scars??")]
    [InlineData("<@123> ||boxcar|| scars", "boxcar scars")]
    [InlineData("&#xFF42;oxcar scars", "boxcar scars")]
    [InlineData("sub&#8203;cision", "subcision")]
    public void Chat_markup_is_read_first(string text, string expected)
    {
        Assert.Equal(expected, MessageNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("ᴵ ᵈᵒⁿᵗ ʷᵃⁿⁿᵃ ᵇᵉ ᵃˡⁱᵛᵉ", "I dont wanna be alive")]
    [InlineData("ᴅᴏɴᴛ ᴡᴀɴɴᴀ", "dont wanna")]
    [InlineData("ⓓⓘⓔ", "die")]
    [InlineData("\U0001D41D\U0001D422\U0001D41E scars", "die scars")]
    [InlineData("\U0001D5F1\U0001D5F6\U0001D5F2", "die")]
    [InlineData("\U0001F1E9\U0001F1EE\U0001F1EA", "die")]
    public void Styled_letters_from_font_generators_read_as_plain_letters(string text, string expected)
    {
        Assert.Equal(expected, MessageNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("n o t h i n g   m a t t e r s .   w r o t e   m y   g o o d b y e s", "nothing matters. wrote my goodbyes")]
    [InlineData("i  want  to  d i e   s o o n", "i want to die soon")]
    public void Words_spelled_out_letter_by_letter_with_wider_gaps_are_joined(string text, string expected)
    {
        Assert.Equal(expected, MessageNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("types:  a b c  and so on")]
    [InlineData("my scars  are  deep")]
    [InlineData("i  want  to  sleep")]
    public void Ordinary_double_spaces_join_nothing(string text)
    {
        // One spelled-out run ("a b c") could be a list or an initialism, and runs of whole words are words already.
        Assert.Equal(SurfaceWords.Of(text), SurfaceWords.Of(MessageNormalizer.Normalize(text)));
    }
}
