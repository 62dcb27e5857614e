using SkinBot.Core.Safety;

namespace SkinBot.Core.Tests.Safety;

public sealed class DisguisedSpellingTests
{
    private static readonly DisguisedSpelling Spelling = new(["suicid*", "self harm", "kill myself", "die", "sh", "dont want to live"]);

    [Theory]
    [InlineData("su1c1de thoughts again", "suicide thoughts again")]
    [InlineData("self h@rm is the only thing", "self harm is the only thing")]
    [InlineData("i want to k!ll mys3lf", "i want to kill myself")]
    [InlineData("i just want to d.i.e", "i just want to die")]
    [InlineData("s u i c i d e feels like the fix", "suicide feels like the fix")]
    [InlineData("i w a n t t o d i e", "i want to die")]
    [InlineData("honestly k i l l m y s e l f soon", "honestly kill myself soon")]
    [InlineData("relapsed on s.h. last night", "relapsed on sh last night")]
    [InlineData("honestly i wanna d13", "honestly i wanna die")]
    [InlineData("\"su1c1de\" is all i think about", "suicide is all i think about")]
    [InlineData("1 d0nt w4nt 7o l1v3", "1 dont want to live")]
    [InlineData("eid ot tnaw tsuj i thginot", "tonight i just want to die")]
    [InlineData("thanks for the tips. second thing: eid ot tnaw tsuj i", "thanks for the tips. i just want to die :gniht dnoces")]
    public void Filter_dodging_spellings_read_as_the_words_they_disguise(string text, string plain)
    {
        Assert.Equal(plain, Spelling.Decode(text));
    }

    [Theory]
    [InlineData("a session is $600 and i finish at 4am on the 1st")]
    [InlineData("iza mitt mn el da7k 3a hal video")]
    [InlineData("i a m so tired of these scars")]
    [InlineData("e.g. tretinoin or adapalene")]
    [InlineData("no sé si el retinol sirve para las cicatrices, alguien sabe?")]
    [InlineData("on my cheeks, no idea what type they are")]
    [InlineData("my grades were a b c d e f lol")]
    public void Prices_times_arabizi_and_letters_that_spell_no_screen_word_are_left_alone(string text)
    {
        Assert.Null(Spelling.Decode(text));
    }

    [Theory]
    [InlineData("su1c1de thoughts every time i look in the mirror, is microneedling worth it")]
    [InlineData("self h@rm is the only thing that shuts the scar anxiety up rn")]
    [InlineData("s u i c i d e feels like the only real fix for these scars")]
    [InlineData("i d o n t w a n t t o l i v e anymore, anyway is tret good for scars")]
    public Task A_crisis_spelt_to_dodge_a_filter_gets_the_crisis_reply(string text) => CrisisReplies.AssertAloneAsync(text);
}
