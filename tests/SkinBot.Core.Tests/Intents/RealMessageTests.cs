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
    public async Task A_long_greeting_that_asks_what_the_bot_is_gets_help_even_with_a_stray_word_of_another_question()
    {
        // "what sort of questions" holds two scar-type words; the greeting around them is said at far greater length.
        await (await ChatAsync())
            .Send("Hello, my name is Joan, I'm 61 and my grandson put this on my tablet. I'm not much good with these chats. Could you tell me what you are and what sort of questions I can ask you? Thank you dear.")
            .AssertIntent(IntentIds.GreetingHelp).AssertNoPassages()
            .RunAsync();
    }

    [Fact]
    public async Task A_message_with_several_questions_answers_the_main_one_and_offers_the_others()
    {
        // The main ask is the one it opens with (people lead with what they came for and tack the rest on); the others follow.
        await (await ChatAsync())
            .Send("What are boxcar scars? Will mine ever go away completely? And what can I do at home, I'm on a budget")
            .AssertIntent(IntentIds.ScarTypes).AssertFirstLead("Boxcar scars").AssertCaveat()
            .AssertFollowUp("Are pockmarks permanent?")
            .AssertFollowUp("What can I do at home for pockmarks?")
            .RunAsync();
    }

    [Theory]
    [InlineData("what is subcision exactly? my derm suggested it for the dents on my cheeks. does it hurt a lot?", IntentIds.TreatmentInOffice, "Do acne scar procedures hurt?")]
    [InlineData("if i get a fractional laser on thursday can i go back to work on monday? and is it painful?", "procedure_downtime", "Do acne scar procedures hurt?")]
    [InlineData("what is subcision?? my derm mentioned it. does it hurt?", IntentIds.TreatmentInOffice, "Do acne scar procedures hurt?")]
    public async Task A_question_asked_first_is_the_main_ask_even_when_a_tacked_on_one_has_stronger_words(string text, string intent, string followUp)
    {
        // "hurt" and "painful" are strong words for the pain answer; read as one bag, the side ask outvoted the first.
        await (await ChatAsync())
            .Send(text)
            .AssertIntent(intent).AssertCaveat()
            .AssertFollowUp(followUp)
            .RunAsync();
    }

    [Theory]
    [InlineData("hw much wud subcision cost in the uk", "procedure_cost")]
    [InlineData("wat r the diff types of pits", IntentIds.ScarTypes)]
    [InlineData("hw do i stop my acne makin dents b4 it scars", IntentIds.Prevention)]
    [InlineData("does laser 4 pits hurt alot", "procedure_pain")]
    [InlineData("wich is better 4 rolling scars, subcision or filler", "treatment_by_scar_type")]
    public async Task Chat_shorthand_is_read_as_the_words_it_stands_for(string text, string intent)
    {
        await (await ChatAsync())
            .Send(text)
            .AssertIntent(intent).AssertCaveat()
            .RunAsync();
    }

    [Theory]
    [InlineData("i get cold sores sometimes, is there anyone who shouldnt get laser done?", "procedure_risks")]
    [InlineData("whats the difference between micro derm and dermabrasion?", "microdermabrasion_vs_dermabrasion")]
    [InlineData("on tane atm, how long till i can get laser for my scars", "isotretinoin_timing")]
    [InlineData("what can i do at home?", IntentIds.TreatmentAtHome)]
    [InlineData("my aunt is in nursing school and says the dents on my cheeks are boxcar scars. what are those?", IntentIds.ScarTypes)]
    [InlineData("mine are raised lumps on my jaw where i had cysts, not holes. does silicone gel help?", "raised_scars")]
    [InlineData("my daughter's dermatologist told us she has boxcar scars. which treatment works best for that type?", "treatment_by_scar_type")]
    [InlineData("the gp said to give it time. will the little dents on her cheeks fill in by themselves?", IntentIds.Permanence)]
    [InlineData("what should i do beforehand for my first subcision appointment?", "procedure_expectations")]
    public async Task Everyday_words_for_a_covered_question_reach_its_answer(string text, string intent)
    {
        await (await ChatAsync()).Send(text).AssertIntent(intent).AssertCaveat().RunAsync();
    }

    [Fact]
    public async Task A_word_that_names_a_scar_type_only_in_skin_talk_names_none_elsewhere()
    {
        await (await ChatAsync())
            .Send("we want to roll it out to the whole team next month, is that ok?")
            .AssertNotIntent(IntentIds.ScarTypes).AssertNoPassages()
            .RunAsync();
    }

    [Theory]
    [InlineData("my neighbour's dog bit my cheek when i was little and left a dent, would microneedling fix it?", "bite")]
    [InlineData("do bleaching creams work to make my whole face lighter?", "skin concern")]
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
