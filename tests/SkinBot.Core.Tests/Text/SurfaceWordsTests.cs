using SkinBot.Core.Text;

namespace SkinBot.Core.Tests.Text;

public sealed class SurfaceWordsTests
{
    [Fact]
    public void Latin_words_split_at_punctuation_and_lose_their_apostrophes()
    {
        Assert.Equal(["dont", "self", "harm", "2nite"], SurfaceWords.Of("Don't self-harm 2nite!"));
    }

    [Theory]
    [InlineData("我想死了", new[] { "我", "想", "死", "了" })]
    [InlineData("もう死にたい。", new[] { "も", "う", "死", "に", "た", "い" })]
    [InlineData("อยากตาย", new[] { "อ", "ย", "า", "ก", "ต", "า", "ย" })]
    [InlineData("ចង់ស្លាប់", new[] { "ច", "ង", "់", "ស", "្", "ល", "ា", "ប", "់" })]
    public void Scripts_written_without_spaces_give_one_word_per_character(string text, string[] words)
    {
        Assert.Equal(words, SurfaceWords.Of(text));
    }

    [Fact]
    public void A_chinese_character_beyond_the_first_plane_is_a_word_not_a_gap()
    {
        // 𠝹 (U+2077D, Cantonese "to cut") is two UTF-16 units; read one by one it vanished and left "手" (hand) alone.
        Assert.Equal(["今", "日", "𠝹", "手", "ok"], SurfaceWords.Of("今日𠝹手 ok"));
    }

    [Fact]
    public void A_character_of_a_spaceless_script_ends_the_latin_word_before_it()
    {
        Assert.Equal(["ok", "死", "lol"], SurfaceWords.Of("ok死lol"));
    }

    [Fact]
    public void Vowel_signs_written_apart_from_their_letter_stay_inside_the_word()
    {
        // Hindi "मैं मरना चाहता हूँ": the vowel signs are marks, and splitting at them would cut every word in pieces.
        Assert.Equal(["मैं", "मरना", "चाहता", "हूँ"], SurfaceWords.Of("मैं मरना चाहता हूँ"));
    }

    [Fact]
    public void Cyrillic_and_hangul_words_are_split_at_spaces_and_lower_cased()
    {
        Assert.Equal(["я", "хочу", "умереть"], SurfaceWords.Of("Я хочу УМЕРЕТЬ"));
        Assert.Equal(["죽고", "싶어"], SurfaceWords.Of("죽고 싶어..."));
    }

    [Theory]
    [InlineData("⚰️")]
    [InlineData("1️⃣")]
    public void The_marks_that_follow_emoji_and_symbols_are_not_words(string text)
    {
        Assert.DoesNotContain(SurfaceWords.Of(text), word => word.Any(c => c is '\uFE0F' or '\u20E3'));
    }
}
