using System.Globalization;
using System.Text;
using CsCheck;
using SkinBot.Core.Text;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Text;

public sealed class TextCutTests
{
    [Fact]
    public void Cutting_before_an_emoji_keeps_it_whole_or_leaves_it_out()
    {
        var text = "Boxcar scars 👩‍👩‍👧 heal";

        var cut = TextCut.Truncate(text, 16);

        Assert.Equal("Boxcar scars…", cut);
    }

    [Fact]
    public void A_flag_is_never_split_into_its_two_regional_letters()
    {
        Assert.Equal("ab", "ab🇫🇷🇫🇷"[..TextCut.Boundary("ab🇫🇷🇫🇷", 5)]);
        Assert.Equal("ab🇫🇷", "ab🇫🇷🇫🇷"[..TextCut.Boundary("ab🇫🇷🇫🇷", 8)]);
    }

    [Fact]
    public void One_character_longer_than_the_limit_is_cut_between_scalars_not_inside_a_surrogate_pair()
    {
        var zalgo = "👍" + new string('\u0301', 50);

        var boundary = TextCut.Boundary(zalgo, 10);

        Assert.Equal(10, boundary);
        Assert.True(IsWellFormed(zalgo[..boundary]));
        Assert.Equal(2, TextCut.Boundary("👍👍", 3));
        Assert.Equal(0, TextCut.Boundary("👍", 1));
    }

    [Fact]
    public void A_boundary_is_within_the_limit_and_between_text_elements_whenever_one_fits()
    {
        Gen.Select(TextGen.Tricky, Gen.Int[0, 120]).Sample((text, limit) =>
        {
            var boundary = TextCut.Boundary(text, limit);

            Assert.True(boundary <= Math.Max(0, limit));
            Assert.True(limit < text.Length || boundary == text.Length);
            if (IsWellFormed(text))
            {
                Assert.True(IsWellFormed(text[..boundary]), $"lone surrogate at {boundary}");
            }

            if (text.Length > 0 && StringInfo.GetNextTextElementLength(text, 0) <= limit)
            {
                Assert.True(IsTextElementBoundary(text, boundary), $"cut inside a text element at {boundary}");
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Truncated_text_fits_the_limit_and_ends_on_a_character_boundary()
    {
        Gen.Select(TextGen.Tricky, Gen.Int[1, 120]).Sample((text, limit) =>
        {
            var cut = TextCut.Truncate(text, limit);

            Assert.True(cut.Length <= limit, $"{cut.Length} > {limit}");
            if (cut != text)
            {
                AssertCleanPrefix(text, cut);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Trimming_at_a_word_never_leaves_half_a_character()
    {
        Gen.Select(TextGen.Tricky, Gen.Int[0, 120]).Sample((text, keep) =>
        {
            var trimmed = TextCut.TrimAtWord(text, keep);

            Assert.True(trimmed.Length <= keep + TextCut.Ellipsis.Length);
            if (trimmed != text)
            {
                AssertCleanPrefix(text, trimmed);
            }
        }, iter: 20_000);
    }

    /// <summary>The kept part is a prefix ending between text elements (or where trailing spaces were trimmed off).</summary>
    private static void AssertCleanPrefix(string text, string cut)
    {
        Assert.EndsWith(TextCut.Ellipsis, cut, StringComparison.Ordinal);
        var kept = cut[..^TextCut.Ellipsis.Length];
        Assert.StartsWith(kept, text, StringComparison.Ordinal);
        if (IsWellFormed(text))
        {
            Assert.True(IsWellFormed(kept), "lone surrogate");
        }

        var firstFits = text.Length > 0 && StringInfo.GetNextTextElementLength(text, 0) < cut.Length;
        Assert.True(
            !firstFits || IsTextElementBoundary(text, kept.Length) || char.IsWhiteSpace(text[kept.Length]),
            $"cut inside a text element at {kept.Length}");
    }

    private static bool IsTextElementBoundary(string text, int index)
    {
        var position = 0;
        while (position < index)
        {
            position += StringInfo.GetNextTextElementLength(text, position);
        }

        return position == index;
    }

    private static bool IsWellFormed(string text)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
