using SkinBot.Core.Markup;
using SkinBot.Core.Text;

namespace SkinBot.Core.Tests.Text;

public class PhraseSetTests
{
    private static readonly PhraseSet Phrases = new(["i want", "i want to go", "i want out", "i scratch* my arm*", "my arm", "s* it", "*"]);

    [Fact]
    public void Phrases_that_share_their_first_words_are_each_found_where_they_occur()
    {
        var found = Phrases.Find(SurfaceWords.Of("I want to go home, i want out"), all: true);

        Assert.Equal([("i want", 0), ("i want to go", 0), ("i want", 5), ("i want out", 5)], found.Select(m => (m.Phrase, m.Start)));
        Assert.Equal([2, 4, 2, 3], found.Select(m => m.Length));
    }

    [Fact]
    public void A_phrase_with_a_chinese_character_beyond_the_first_plane_needs_that_character()
    {
        var phrases = new PhraseSet(["𠝹手"]);

        Assert.Equal("𠝹手", Assert.Single(phrases.Find(SurfaceWords.Of("有時會𠝹手先舒服啲"))).Phrase);
        Assert.Empty(phrases.Find(SurfaceWords.Of("隻手好痛")));
    }

    [Fact]
    public void A_prefix_word_matches_inflections_anywhere_in_a_phrase()
    {
        var found = Phrases.Find(SurfaceWords.Of("i scratched my arm, so it hurts"));

        Assert.Equal(["i scratch* my arm*", "my arm", "s* it"], found.Select(m => m.Phrase));
    }

    [Fact]
    public void Without_all_each_phrase_is_reported_once_at_its_first_occurrence()
    {
        var found = Phrases.Find(SurfaceWords.Of("i want i want i want"));

        Assert.Equal([("i want", 0)], found.Select(m => (m.Phrase, m.Start)));
        Assert.Equal(3, Phrases.Find(SurfaceWords.Of("i want i want i want"), all: true).Count);
    }

    [Theory]
    [InlineData("took me to a&e", "dad took me to A&E last night")]
    [InlineData("half-term", "it was half term last week")]
    [InlineData("half-term", "it was half-term last week")]
    [InlineData("can't stop cutting", "i cant stop cutting")]
    [InlineData("can't stop cutting", "i can’t stop cutting")]
    public void A_phrase_with_punctuation_matches_the_words_a_message_with_it_is_split_into(string phrase, string message)
    {
        var found = new PhraseSet([phrase]).Find(SurfaceWords.Of(message));

        Assert.Equal([phrase], found.Select(m => m.Phrase));
    }

    [Theory]
    [InlineData("took 12 of kaylas pills", true)]
    [InlineData("i took 30 of them", true)]
    [InlineData("took 2 of my pills", false)]
    [InlineData("took twelve of them", false)]
    [InlineData("took 12mg of it", false)]
    [InlineData("took # of them", false)]
    public void A_number_word_matches_a_number_of_two_digits_or_more(string message, bool found)
    {
        var phrases = new PhraseSet(["took # of", "#", "# #"]);

        Assert.Equal(1, phrases.Count);
        Assert.Equal(found, phrases.Any(SurfaceWords.Of(message)));
    }

    [Fact]
    public void A_phrase_with_no_letters_is_ignored_and_a_message_without_phrases_finds_nothing()
    {
        Assert.Equal(6, Phrases.Count);
        Assert.Empty(Phrases.Find(SurfaceWords.Of("nothing here at all")));
        Assert.False(Phrases.Any(SurfaceWords.Of("i")));
        Assert.True(Phrases.Any(SurfaceWords.Of("see it")));
    }

    [Fact]
    public void A_phrase_in_a_spaceless_script_is_found_wherever_its_characters_occur_in_a_row()
    {
        var phrases = new PhraseSet(["想死", "死にたい", "мне не жить"]);

        Assert.Equal(["想死"], phrases.Find(SurfaceWords.Of("我真的好想死了, lol")).Select(m => m.Phrase));
        Assert.Equal(["死にたい"], phrases.Find(SurfaceWords.Of("もう死にたい")).Select(m => m.Phrase));
        Assert.Empty(phrases.Find(SurfaceWords.Of("我想象中的死海")));
        Assert.Equal(["мне не жить"], phrases.Find(SurfaceWords.Of("Мне не жить...")).Select(m => m.Phrase));
    }

    [Fact]
    public void A_phrase_written_with_a_zero_width_non_joiner_matches_the_message_the_normalizer_hands_on()
    {
        var phrases = new PhraseSet(["می\u200cخوام ناپدید بشم"]);

        var found = phrases.Find(SurfaceWords.Of(MessageNormalizer.Normalize("دیگه می\u200cخوام ناپدید بشم")));

        Assert.Equal(["می\u200cخوام ناپدید بشم"], found.Select(m => m.Phrase));
    }
}
