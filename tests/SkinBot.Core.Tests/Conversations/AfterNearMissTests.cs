using Microsoft.Extensions.Time.Testing;
using SkinBot.Core.Domain;
using SkinBot.Core.Engine;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Conversations;

/// <summary>
/// A message that came near a crisis reading without getting the crisis reply ("this acne makes me wanna die lol" read
/// as the joke it most often is) is remembered for one message: "no fr tho" or "i wasnt joking" next gets the crisis
/// reply the first did not, while a skin question with "for real" in it, a "fr" after an ordinary question, or the
/// same words once the moment has passed are read on their own.
/// </summary>
public sealed class AfterNearMissTests
{
    private const string NearMiss = "these scars are killing me slowly lol, anyway does retinol thin the skin";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));

    private async Task<ChatEngine> EngineAsync() =>
        KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync(), _time, new EngineOptions { AfterNearMissWindow = TimeSpan.FromMinutes(30) });

    [Theory]
    [InlineData("no fr tho")]
    [InlineData("that wasnt a joke btw")]
    [InlineData("i meant it")]
    [InlineData("nobody ever takes me seriously")]
    [InlineData("help")]
    [InlineData("mazaak nahi tha yaar")]
    [InlineData("no era broma")]
    public async Task Saying_the_first_message_was_meant_gets_the_crisis_reply(string next)
    {
        await new Conversation(await EngineAsync())
            .Send(NearMiss).AssertUrgency(Urgency.None)
            .Assert(a => a.NearCrisis, "a near miss, remembered for the next message")
            .Send(next).AssertUrgency(Urgency.Crisis)
            .AssertMessageContains("988")
            .AssertNoPassages()
            .RunAsync();
    }

    [Theory]
    [InlineData("for real tho does tca cross hurt")]
    [InlineData("seriously which hurts less")]
    [InlineData("i mean it, your answer helped")]
    [InlineData("lol jk, thanks")]
    public async Task Emphasis_on_a_new_question_or_thanks_after_a_near_miss_gets_an_ordinary_answer(string next)
    {
        await new Conversation(await EngineAsync())
            .Send(NearMiss).AssertUrgency(Urgency.None)
            .Send(next).AssertUrgency(Urgency.None)
            .RunAsync();
    }

    [Fact]
    public async Task The_same_words_after_an_ordinary_question_after_another_message_or_after_the_window_are_read_alone()
    {
        var engine = await EngineAsync();
        await new Conversation(engine, "ordinary")
            .Send("what are boxcar scars?").AssertUrgency(Urgency.None)
            .Assert(a => !a.NearCrisis, "nothing near a crisis")
            .Send("no fr tho").AssertUrgency(Urgency.None)
            .RunAsync();
        await new Conversation(engine, "everyday-sense")
            .Send("how do i get rid of dead skin around my pits, and does benzoyl peroxide kill the bacteria?").AssertUrgency(Urgency.None)
            .Assert(a => !a.NearCrisis, "dead skin and killing bacteria are not words of dying")
            .Send("help").AssertUrgency(Urgency.None)
            .RunAsync();
        await new Conversation(engine, "another-message-between")
            .Send(NearMiss).AssertUrgency(Urgency.None)
            .Send("what are boxcar scars?").AssertUrgency(Urgency.None)
            .Send("no fr tho").AssertUrgency(Urgency.None)
            .RunAsync();
        await new Conversation(engine, "later")
            .Send(NearMiss).AssertUrgency(Urgency.None)
            .Then(() => _time.Advance(TimeSpan.FromMinutes(31)))
            .Send("no fr tho").AssertUrgency(Urgency.None)
            .RunAsync();
    }

    [Fact]
    public async Task A_near_miss_without_a_topic_to_remember_is_still_remembered()
    {
        // The first message asks nothing about skin, so no topic is kept; the near miss must be, all the same.
        await new Conversation(await EngineAsync())
            .Send("my mum is gonna murder me when she sees this lol").AssertUrgency(Urgency.None)
            .Send("i meant that").AssertUrgency(Urgency.Crisis)
            .RunAsync();
    }

    [Theory]
    [InlineData("kms this ping is so bad", "sign suicidal-thoughts")]
    [InlineData(NearMiss, "\"killing me\"")]
    public async Task The_screen_says_in_the_same_pass_how_an_ordinary_message_came_near_a_crisis(string text, string reading)
    {
        var holder = await KnowledgeBases.SharedRepositoryCorpusAsync();
        using var lease = holder.Acquire();

        var screening = lease.Knowledge.Screen(text);
        Assert.Null(screening.Verdict);
        Assert.Contains(reading, screening.NearMiss, StringComparison.Ordinal);

        // After a crisis reply the next messages are read against that, not as near misses.
        Assert.Null(lease.Knowledge.Screen(text, afterCrisis: true).NearMiss);
        Assert.Null(lease.Knowledge.Screen("what are boxcar scars").NearMiss);
    }
}
