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
