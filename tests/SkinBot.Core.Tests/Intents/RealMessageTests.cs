using SkinBot.Core.Domain;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Intents;

/// <summary>Messages as people write them: long, personal, several asks, greetings and closers, other subjects.</summary>
public sealed class RealMessageTests
{
    private static async Task<Conversation> ChatAsync() =>
        new(KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync()), Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_greeting_and_a_closer_around_a_question_do_not_turn_it_into_the_help_menu()
    {
        await (await ChatAsync())
            .Send("hi!! so i'm 16 and i've had acne since i was 13, it's mostly gone now but it left these little dents on my cheeks and i hate it. are they permanent?? thanks so much!!")
            .AssertIntent(IntentIds.Permanence).AssertCaveat()
            .Send("thanks so much, that helped!!")
            .AssertIntent(IntentIds.GreetingHelp).AssertNoPassages()
            .RunAsync();
    }

    [Fact]
    public async Task A_message_with_several_questions_answers_the_main_one_and_offers_the_others()
    {
        // The main ask is the one the whole message weighs most ("ever go away completely"); the others follow.
        await (await ChatAsync())
            .Send("What are boxcar scars? Will mine ever go away completely? And what can I do at home, I'm on a budget")
            .AssertIntent(IntentIds.Permanence).AssertCaveat()
            .AssertFollowUp("What types of pockmarks are there?")
            .AssertFollowUp("What can I do at home for pockmarks?")
            .RunAsync();
    }

    [Theory]
    [InlineData("my cat scratched my arm last month and it left a white line. will it fade?", "scratch")]
    [InlineData("does retin-a react badly with my salicylic face wash? I use both every night", "medicine")]
    [InlineData("can i take ibuprofen while on accutane for a headache?", "isotretinoin")]
    [InlineData("is it safe to get my hair dyed while i'm pregnant?", "pregnancy")]
    [InlineData("hey can u help me, my teenage breakouts are so bad rn", "breakouts")]
    public async Task A_message_about_another_subject_gets_no_pockmark_content_and_says_what_it_seems_to_be_about(string text, string subject)
    {
        await (await ChatAsync())
            .Send(text)
            .AssertIntent(IntentIds.OutOfScope).AssertNoPassages()
            .AssertMessageContains("sounds like you're asking about")
            .AssertMessageContains(subject)
            .RunAsync();
    }

    [Fact]
    public async Task A_word_with_an_everyday_sense_alone_does_not_make_a_message_about_scars()
    {
        // "pick" (and "pop", "scratch", "rolling") are scarring words only beside a word of skin or scarring.
        await (await ChatAsync())
            .Send("we're going out tonight, should we pick a film or just go for pizza?")
            .AssertIntent(IntentIds.OutOfScope).AssertNoPassages()
            .Send("i keep picking at my spots and now there are little holes, how do i stop?")
            .AssertNotIntent(IntentIds.OutOfScope).AssertCaveat()
            .RunAsync();
    }

    [Fact]
    public async Task Skin_that_peels_is_not_a_chemical_peel()
    {
        await (await ChatAsync())
            .Send("the scab peeled off and now theres a little pit, will it fill in on its own?")
            .AssertNotIntent(IntentIds.TreatmentInOffice)
            .Assert(a => a.Passages.All(p => p.LeadTerm != "Chemical peels"), "no chemical peel passage")
            .RunAsync();
    }
}
