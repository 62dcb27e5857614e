using Microsoft.Extensions.Time.Testing;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Core.Engine;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Conversations;

/// <summary>Short follow-ups are understood from the conversation's last topic, for a while, and only in that conversation.</summary>
public sealed class FollowUpTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private async Task<ChatEngine> EngineAsync() =>
        KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync(), _time, new EngineOptions { FollowUpWindow = Window });

    [Fact]
    public async Task And_rolling_after_a_scar_type_answer_is_about_rolling_scars()
    {
        await new Conversation(await EngineAsync())
            .Send("what are boxcar scars?").AssertIntent(IntentIds.ScarTypes).AssertFirstLead("Boxcar scars").AssertTopic("boxcar")
            .Send("and rolling?").AssertIntent(IntentIds.ScarTypes).AssertFirstLead("Rolling scars").AssertTopic("rolling").AssertCaveat()
            .Send("and ice pick?").AssertIntent(IntentIds.ScarTypes).AssertFirstLead("Ice pick scars")
            .RunAsync();
    }

    [Fact]
    public async Task A_vague_follow_up_stays_on_the_last_answer_subject()
    {
        await new Conversation(await EngineAsync())
            .Send("what is subcision?").AssertIntent(IntentIds.TreatmentInOffice).AssertFirstLead("Subcision")
            .Send("does it hurt?").AssertIntent(IntentIds.TreatmentInOffice).AssertFirstLead("Subcision")
            .RunAsync();
    }

    [Fact]
    public async Task What_about_at_home_after_a_treatment_answer_lists_the_at_home_treatments()
    {
        await new Conversation(await EngineAsync())
            .Send("what can a dermatologist do for my pitted scars?").AssertIntent(IntentIds.TreatmentInOffice)
            .Send("what about at home?").AssertIntent(IntentIds.TreatmentAtHome)
            .Assert(a => a.Passages.Count > 0 && a.Passages.All(p => p.SectionId == "treatments-at-home"), "at-home passages only")
            .Send("and in office?").AssertIntent(IntentIds.TreatmentInOffice)
            .Assert(a => a.Passages.All(p => p.SectionId == "treatments-in-office"), "in-office passages only")
            .RunAsync();
    }

    [Fact]
    public async Task What_about_at_home_after_a_named_treatment_lists_the_at_home_treatments()
    {
        await new Conversation(await EngineAsync())
            .Send("is subcision worth it?").AssertIntent(IntentIds.TreatmentInOffice).AssertFirstLead("Subcision")
            .Send("what about at home?").AssertIntent(IntentIds.TreatmentAtHome)
            .RunAsync();
    }

    [Fact]
    public async Task A_vague_follow_up_stays_on_the_conversations_topic()
    {
        await new Conversation(await EngineAsync())
            .Send("what are boxcar scars?").AssertIntent(IntentIds.ScarTypes)
            .Send("and those?").AssertIntent(IntentIds.ScarTypes).AssertCaveat()
            .RunAsync();
    }

    [Fact]
    public async Task The_same_vague_follow_up_without_a_topic_is_not_guessed_as_one()
    {
        await new Conversation(await EngineAsync())
            .Send("and those?").AssertNotIntent(IntentIds.ScarTypes).AssertNoPassages()
            .RunAsync();
    }

    [Fact]
    public async Task A_named_treatment_in_a_follow_up_beats_the_conversations_topic()
    {
        await new Conversation(await EngineAsync())
            .Send("what are boxcar scars?").AssertIntent(IntentIds.ScarTypes)
            .Send("and retinol?").AssertIntent(IntentIds.TreatmentAtHome).AssertFirstLead("Retinol")
            .RunAsync();
    }

    [Fact]
    public async Task An_urgent_follow_up_is_urgent_whatever_came_before()
    {
        await new Conversation(await EngineAsync())
            .Send("what is subcision?").AssertIntent(IntentIds.TreatmentInOffice)
            .Send("and now I have a fever").AssertIntent(IntentIds.Urgent).AssertNoPassages()
            .RunAsync();
    }

    [Fact]
    public async Task Memory_expires_after_the_follow_up_window()
    {
        await new Conversation(await EngineAsync())
            .Send("what are boxcar scars?").AssertIntent(IntentIds.ScarTypes)
            .Then(() => _time.Advance(Window - TimeSpan.FromSeconds(1)))
            .Send("and those?").AssertIntent(IntentIds.ScarTypes)
            .Then(() => _time.Advance(Window + TimeSpan.FromSeconds(1)))
            .Send("and those?").AssertNotIntent(IntentIds.ScarTypes).AssertNoPassages()
            .RunAsync();
    }

    [Fact]
    public async Task Each_answer_restarts_the_window()
    {
        await new Conversation(await EngineAsync())
            .Send("what are boxcar scars?").AssertIntent(IntentIds.ScarTypes)
            .Then(() => _time.Advance(TimeSpan.FromMinutes(10)))
            .Send("and rolling?").AssertIntent(IntentIds.ScarTypes)
            .Then(() => _time.Advance(TimeSpan.FromMinutes(10)))
            .Send("and those?").AssertIntent(IntentIds.ScarTypes)
            .RunAsync();
    }

    [Fact]
    public async Task Different_users_in_one_conversation_do_not_share_memory()
    {
        var engine = await EngineAsync();

        await new Conversation(engine, conversationId: "channel-1", userId: "alice")
            .Send("what are boxcar scars?").AssertIntent(IntentIds.ScarTypes)
            .RunAsync();
        await new Conversation(engine, conversationId: "channel-1", userId: "bob")
            .Send("and those?").AssertNotIntent(IntentIds.ScarTypes)
            .RunAsync();
        await new Conversation(engine, conversationId: "channel-1", userId: "alice")
            .Send("and those?").AssertIntent(IntentIds.ScarTypes)
            .RunAsync();
    }

    [Fact]
    public async Task One_user_in_different_conversations_or_platforms_does_not_share_memory()
    {
        var engine = await EngineAsync();

        await new Conversation(engine, conversationId: "dm", userId: "alice", platform: Platforms.Discord)
            .Send("what are boxcar scars?").AssertIntent(IntentIds.ScarTypes)
            .RunAsync();
        await new Conversation(engine, conversationId: "thread", userId: "alice", platform: Platforms.Discord)
            .Send("and those?").AssertNotIntent(IntentIds.ScarTypes)
            .RunAsync();
        await new Conversation(engine, conversationId: "dm", userId: "alice", platform: Platforms.Teams)
            .Send("and those?").AssertNotIntent(IntentIds.ScarTypes)
            .RunAsync();
    }

    [Fact]
    public async Task Help_and_out_of_scope_answers_do_not_replace_the_topic()
    {
        await new Conversation(await EngineAsync())
            .Send("what are boxcar scars?").AssertIntent(IntentIds.ScarTypes)
            .Send("hello").AssertIntent(IntentIds.GreetingHelp)
            .Send("what's the weather like?").AssertIntent(IntentIds.OutOfScope)
            .Send("and those?").AssertIntent(IntentIds.ScarTypes)
            .RunAsync();
    }

    [Theory]
    [InlineData("what's the weather like?")]
    [InlineData("what about tattoos?")]
    [InlineData("and my keloid from my ear piercing?")]
    public async Task A_short_out_of_scope_question_is_not_answered_with_the_previous_topic(string text)
    {
        await new Conversation(await EngineAsync())
            .Send("what are boxcar scars?").AssertIntent(IntentIds.ScarTypes)
            .Send(text).AssertIntent(IntentIds.OutOfScope).AssertNoPassages()
            .RunAsync();
    }

    [Fact]
    public async Task A_follow_up_button_question_is_answered_on_its_own()
    {
        var conversation = new Conversation(await EngineAsync())
            .Send("what are boxcar scars?").AssertIntent(IntentIds.ScarTypes);
        await conversation.RunAsync();

        var button = conversation.Last.FollowUps.First(f => f.Label == "Rolling scars");
        await new Conversation(await EngineAsync())
            .Send(button.Question).AssertIntent(IntentIds.ScarTypes).AssertFirstLead("Rolling scars")
            .RunAsync();
    }
}
