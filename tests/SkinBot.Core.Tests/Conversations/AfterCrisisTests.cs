using Microsoft.Extensions.Time.Testing;
using SkinBot.Core.Domain;
using SkinBot.Core.Engine;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Conversations;

/// <summary>
/// What a person writes after the crisis reply is read for what it means after it: "its loaded" or "nobody picks up"
/// get the after-crisis reply, saying they are safe or asking about skin gets an ordinary answer that still says
/// where to turn, and none of it carries over to another conversation or past the window.
/// </summary>
public sealed class AfterCrisisTests
{
    private const string AfterCrisisHeadline = "I'm still here, and what you said matters";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 21, 0, 0, TimeSpan.Zero));

    private async Task<ChatEngine> EngineAsync() =>
        KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync(), _time, new EngineOptions { AfterCrisisWindow = TimeSpan.FromHours(1) });

    [Theory]
    [InlineData("i mean it")]
    [InlineData("its loaded")]
    [InlineData("nobody picks up")]
    [InlineData("im not in america")]
    [InlineData("ok. bye")]
    [InlineData("next one comes in 5 min")]
    [InlineData("answer my subcision question first and then ill call, deal")]
    [InlineData("im fine")]
    [InlineData("the day is here now")]
    [InlineData("the pills are here with me")]
    [InlineData("ok ill text them later or whatever")]
    public async Task A_next_message_that_names_no_safety_gets_the_after_crisis_reply(string next)
    {
        await new Conversation(await EngineAsync())
            .Send("i dont want to wake up tomorrow").AssertUrgency(Urgency.Crisis)
            .Send(next).AssertUrgency(Urgency.Crisis)
            .Assert(a => a.Headline == AfterCrisisHeadline, "the after-crisis reply, which answers what was said")
            .AssertMessageContains("988")
            .AssertNoPassages()
            .RunAsync();
    }

    [Fact]
    public async Task Saying_they_are_safe_and_asking_about_skin_gets_an_answer_that_still_says_where_to_turn()
    {
        await new Conversation(await EngineAsync())
            .Send("i dont want to wake up tomorrow").AssertUrgency(Urgency.Crisis)
            .Send("im safe now, my sister is with me. does subcision hurt?").AssertUrgency(Urgency.None)
            .Assert(a => a.Passages.Count > 0, "an answer from the articles")
            .AssertMessageContains("116 123")
            .AssertCaveat()
            .RunAsync();
    }

    [Fact]
    public async Task The_same_words_in_another_conversation_or_after_the_window_are_read_alone()
    {
        var engine = await EngineAsync();
        await new Conversation(engine, "other-conversation")
            .Send("i mean it").AssertUrgency(Urgency.None)
            .RunAsync();
        await new Conversation(engine)
            .Send("i dont want to wake up tomorrow").AssertUrgency(Urgency.Crisis)
            .Then(() => _time.Advance(TimeSpan.FromMinutes(10)))
            .Send("whatever").AssertUrgency(Urgency.Crisis)
            .Then(() => _time.Advance(TimeSpan.FromMinutes(14)))
            .Send("what are boxcar scars?").AssertUrgency(Urgency.None).AssertMessageContains("988")
            .Then(() => _time.Advance(TimeSpan.FromMinutes(50)))
            .Send("whatever").AssertUrgency(Urgency.None)
            .RunAsync();
    }

    [Fact]
    public async Task A_medical_sign_after_the_crisis_reply_keeps_its_own_reply_with_the_crisis_lines()
    {
        await new Conversation(await EngineAsync())
            .Send("i dont want to wake up tomorrow").AssertUrgency(Urgency.Crisis)
            .Send("also the spot i picked is hot, swollen and there is pus and i have a fever").AssertUrgency(Urgency.Infection)
            .AssertMessageContains("988")
            .RunAsync();
    }

    [Theory]
    [InlineData("lol no im not gonna off myself 😭 i meant my chem grade is dead. do pimple patches help the pits?")]
    [InlineData("nooo thats just how we talk, 'i want to die' means im embarrassed. how do i hide boxcar scars in photos?")]
    public async Task Taking_back_the_crisis_words_after_the_crisis_reply_gets_an_answer_that_still_says_where_to_turn(string next)
    {
        await new Conversation(await EngineAsync())
            .Send("if i fail chem tmrw im literally gonna kill myself").AssertUrgency(Urgency.Crisis)
            .Send(next).AssertUrgency(Urgency.None)
            .AssertMessageContains("988")
            .AssertCaveat()
            .RunAsync();
    }

    [Fact]
    public async Task Taken_back_words_count_only_right_after_a_crisis_reply_and_never_beside_a_danger_or_medical_sign()
    {
        await new Conversation(await EngineAsync(), "read-alone")
            .Send("lol no im not gonna off myself").AssertUrgency(Urgency.Crisis)
            .RunAsync();
        await new Conversation(await EngineAsync())
            .Send("if i fail chem tmrw im literally gonna kill myself").AssertUrgency(Urgency.Crisis)
            .Send("not joking, i want to die, im not being dramatic").AssertUrgency(Urgency.Crisis)
            .Send("im not gonna kill myself but the spot i picked has pus and i have a fever").AssertUrgency(Urgency.Crisis)
            .RunAsync();
    }

    [Theory]
    [InlineData("liguei pro CVV, conversei bastante e to melhor. e aí, microagulhamento resolve ou não?")]
    [InlineData("sorry po, na-overwhelm lang ako kanina. okay na po ako, kasama ko na si ate")]
    [InlineData("my youth pastor is driving over and we're gonna talk. ty bot")]
    [InlineData("i handed the pills to my sister and we're watching a film together now")]
    [InlineData("dad's driving me to A&E")]
    [InlineData("my aunt is here now, we talked and she's staying over tonight")]
    public async Task Saying_they_reached_someone_in_any_of_the_common_languages_ends_the_after_crisis_reading(string next)
    {
        await new Conversation(await EngineAsync())
            .Send("i dont want to wake up tomorrow").AssertUrgency(Urgency.Crisis)
            .Send(next).AssertUrgency(Urgency.None)
            .AssertMessageContains("988")
            .RunAsync();
    }
}
