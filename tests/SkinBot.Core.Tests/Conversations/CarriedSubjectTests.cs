using Microsoft.Extensions.Time.Testing;
using SkinBot.Core.Domain;
using SkinBot.Core.Engine;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Conversations;

/// <summary>
/// People ask about a filler, a peel or a mole, then say what went wrong as "it": "got it this morning, the skin next to
/// it went white and the pain is insane". Alone that names nothing to go to care for; after the question it is an
/// emergency. The conversation remembers what was named (safety.yml carried_subjects), not the words.
/// </summary>
public sealed class CarriedSubjectTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));

    private async Task<ChatEngine> EngineAsync() =>
        KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync(), _time, new EngineOptions { FollowUpWindow = TimeSpan.FromMinutes(15) });

    [Theory]
    [InlineData("is filler near the nose risky? want it for a scar by my nostril", "got it this morning, the skin next to it went white then purply and blotchy and the pain is insane", Urgency.Emergency)]
    [InlineData("is at home microneedling safe? thinking of getting a 1mm pen", "did it last night with the pen and now my cheeks are all weeping and raw, looks burnt in patches", Urgency.Emergency)]
    [InlineData("whats a good sunscreen for my back, i have a mole there i always forget", "my gf says the one on my back has been itchy and its 2 colours now, black and brown, with a blurry edge", Urgency.SeeDoctorSoon)]
    [InlineData("can a laser go over a mole or do they avoid it", "the one on my neck started bleeding when i shave and its gone lumpy", Urgency.SeeDoctorSoon)]
    [InlineData("tenho uma pinta nas costas, o laser pode passar por cima?", "ela cresceu muito este ano e está coçando, a borda ficou irregular", Urgency.SeeDoctorSoon)]
    [InlineData("Kann man mit Hyaluronfiller Narben an der Stirn auffüllen?", "heute gemacht, jetzt ist alles verschwommen auf dem rechten Auge", Urgency.Emergency)]
    public async Task What_went_wrong_said_as_it_after_a_question_that_named_it_gets_the_go_to_care_reply(string first, string next, Urgency urgency)
    {
        var engine = await EngineAsync();
        await new Conversation(engine, "after-the-question")
            .Send(first).AssertUrgency(Urgency.None)
            .Send(next).AssertUrgency(urgency)
            .AssertNoPassages()
            .RunAsync();
        await new Conversation(engine, "alone")
            .Send(next).AssertUrgency(Urgency.None)
            .RunAsync();
    }

    [Theory]
    [InlineData("does filler hurt for rolling scars?", "ok and roughly how much does it cost in the uk")]
    [InlineData("how long after co2 laser can i wear makeup", "thanks. it felt like my face was on fire for an hour after but its totally calm now")]
    [InlineData("is it normal to bleed a little during microneedling", "ah ok so tiny pinpoint bleeding during it is expected, that makes me less nervous")]
    [InlineData("can i get laser done over a mole on my cheek", "the one i said, i took pics in jan and its exactly the same size and colour, hasnt changed")]
    public async Task An_ordinary_follow_up_about_the_named_thing_gets_an_ordinary_answer(string first, string next)
    {
        await new Conversation(await EngineAsync())
            .Send(first).AssertUrgency(Urgency.None)
            .Send(next).AssertUrgency(Urgency.None)
            .RunAsync();
    }

    /// <summary>
    /// One long message that names the thing first and says what went wrong sentences later, beyond any sign's reach:
    /// the later sentences speak of it as a next message would.
    /// </summary>
    [Theory]
    [InlineData(
        "ok so i know this was dumb but i ordered lip filler from some website because every clinic near me wants way more than i earn in a month, and my cousin who watched a lot of tutorials said she could do it for me in her kitchen on saturday afternoon before the party we were all going to. ",
        "about three hours later the middle of my top lip is white and patchy purple and it throbs like crazy.",
        Urgency.Emergency)]
    [InlineData(
        "so my older brother lent me his dermaroller, the 1.5mm one, since the salon in town charges a fortune per session and i am saving up for a car, and i watched two long videos about how to do it properly before i started on both cheeks last night around ten. ",
        "this morning both cheeks are raw and wet and they sting like fire even with nothing on them.",
        Urgency.Emergency)]
    public async Task A_thing_named_early_in_a_long_message_is_read_into_its_later_sentences(string namesIt, string laterSentence, Urgency urgency)
    {
        var engine = await EngineAsync();
        await new Conversation(engine, "one long message")
            .Send(namesIt + laterSentence).AssertUrgency(urgency)
            .RunAsync();
        await new Conversation(engine, "the later sentence alone")
            .Send(laterSentence).AssertUrgency(Urgency.None)
            .RunAsync();
    }

    /// <summary>Later sentences with colour or pain words stay ordinary when the thing was named as planned, or as long past.</summary>
    [Theory]
    [InlineData("I'm 29 and have finally saved enough for fractional laser on my rolling scars, about four sessions at the clinic my friend used. My skin is fairly pale and I freckle in summer. How many weeks apart are the sessions usually, and will I be red for long afterwards? I have a wedding in spring.")]
    [InlineData("Got cheek filler three years ago and honestly loved the result. These days I'm more bothered by the ice pick scars on my temples. My skin is very white and goes blotchy when I'm cold, would TCA cross suit me?")]
    public async Task A_long_ordinary_message_about_a_named_procedure_stays_ordinary(string message)
    {
        await new Conversation(await EngineAsync())
            .Send(message)
            .AssertUrgency(Urgency.None)
            .RunAsync();
    }

    [Fact]
    public async Task The_subject_is_kept_across_other_questions_until_the_conversation_is_forgotten()
    {
        const string wentWrong = "had it done today and the skin under my eye is going grey-blue";
        var engine = await EngineAsync();
        await new Conversation(engine, "kept")
            .Send("can hyaluronic filler lift rolling scars under the eyes?").AssertUrgency(Urgency.None)
            .Send("what does it cost roughly").AssertUrgency(Urgency.None)
            .Send(wentWrong).AssertUrgency(Urgency.Emergency)
            .RunAsync();
        await new Conversation(engine, "forgotten")
            .Send("can hyaluronic filler lift rolling scars under the eyes?").AssertUrgency(Urgency.None)
            .Then(() => _time.Advance(TimeSpan.FromMinutes(16)))
            .Send(wentWrong).AssertUrgency(Urgency.None)
            .RunAsync();
    }
}
