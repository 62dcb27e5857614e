using Microsoft.Extensions.Time.Testing;
using SkinBot.Core.Domain;
using SkinBot.Core.Engine;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Conversations;

/// <summary>
/// After "this needs a doctor today", what people write next often names no sign: the clinic is closed, a parent says
/// it is nothing, it is 2am. They still need that advice, not the list of what SkinBot covers; someone who was seen,
/// is going, or asks about their scars gets an ordinary answer, unless they also put it off or hide it.
/// </summary>
public sealed class AfterMedicalTests
{
    private const string Infection = "popped a spot on my chin and now its hot, swollen and the red is spreading down my neck, i feel feverish";

    private const string Lead = "still needs to be looked at";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private async Task<ChatEngine> EngineAsync() =>
        KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync(), _time, new EngineOptions { FollowUpWindow = TimeSpan.FromHours(2), AfterMedicalWindow = TimeSpan.FromHours(1) });

    [Theory]
    [InlineData("the doctors is closed till monday, can i just put sudocrem on it")]
    [InlineData("my mum says its nothing and i should stop being dramatic")]
    [InlineData("its 2am, can it wait till the morning?")]
    [InlineData("is there a cream i can get at the chemist instead")]
    [InlineData("ill get it checked eventually lol. anyway do boxcar scars go away")]
    [InlineData("will it scar?? what do i do tonight, i dont want my mum to see")]
    [InlineData("havent been seen yet, they said maybe tomorrow")]
    public async Task A_next_message_that_does_not_say_it_was_seen_to_gets_the_same_advice_again(string next)
    {
        await new Conversation(await EngineAsync())
            .Send(Infection).AssertUrgency(Urgency.Infection)
            .Send(next).AssertUrgency(Urgency.Infection)
            .AssertMessageContains(Lead)
            .AssertNoPassages()
            .RunAsync();
    }

    [Theory]
    [InlineData("went to urgent care, they gave me antibiotics")]
    [InlineData("ok thanks, ill go today")]
    [InlineData("the gp checked it and said its fine")]
    [InlineData("do boxcar scars ever go away?")]
    public async Task Being_seen_going_or_asking_about_scars_gets_an_ordinary_answer(string next)
    {
        await new Conversation(await EngineAsync())
            .Send(Infection).AssertUrgency(Urgency.Infection)
            .Send(next).AssertUrgency(Urgency.None)
            .RunAsync();
    }

    [Fact]
    public async Task The_advice_is_not_repeated_once_the_window_has_passed_or_without_a_medical_reply_before()
    {
        var engine = await EngineAsync();
        await new Conversation(engine, "later")
            .Send(Infection).AssertUrgency(Urgency.Infection)
            .Then(() => _time.Advance(TimeSpan.FromMinutes(61)))
            .Send("my mum says its nothing and i should stop being dramatic").AssertUrgency(Urgency.None)
            .RunAsync();
        await new Conversation(engine, "no-reply-before")
            .Send("what are rolling scars?").AssertUrgency(Urgency.None)
            .Send("my mum says its nothing and i should stop being dramatic").AssertUrgency(Urgency.None)
            .RunAsync();
    }
}
