using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SkinBot.Core.Chat;
using SkinBot.Core.Conversations;
using SkinBot.Core.Engine;

namespace SkinBot.Core.Tests.Feedback;

public sealed class PrivacyCommandTests
{
    [Theory]
    [InlineData("privacy", CommandNames.Privacy)]
    [InlineData("/privacy", CommandNames.Privacy)]
    [InlineData("/skinbot privacy", CommandNames.Privacy)]
    [InlineData("forget", CommandNames.Forget)]
    [InlineData("Forget me", CommandNames.Forget)]
    [InlineData("/skinbot forget", CommandNames.Forget)]
    public void Privacy_and_forget_are_typed_commands(string text, string command) =>
        Assert.Equal(command, TypedCommandParser.TryParse(text)?.Name);

    [Theory]
    [InlineData("forget about my scars, what is subcision?")]
    [InlineData("privacy matters to me, do clinics share photos?")]
    public void A_question_that_starts_with_the_word_stays_a_question(string text) =>
        Assert.Null(TypedCommandParser.TryParse(text));

    [Fact]
    public async Task Forgetting_a_person_clears_their_memory_in_every_conversation_and_nobody_elses()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryConversationStore(Options.Create(new EngineOptions()), time);
        var context = new ConversationContext("scar_types", "boxcar", time.GetUtcNow());
        await store.SetAsync(ConversationKeys.For("discord", "channel-1", "42"), context, CancellationToken.None);
        await store.SetAsync(ConversationKeys.For("discord", "dm:42", "42"), context, CancellationToken.None);
        await store.SetAsync(ConversationKeys.For("discord", "channel-1", "7"), context, CancellationToken.None);
        await store.SetAsync(ConversationKeys.For("teams", "chat-1", "42"), context, CancellationToken.None);

        var removed = await store.ForgetUserAsync("discord", "42", CancellationToken.None);

        Assert.Equal(2, removed);
        Assert.Null(await store.GetAsync(ConversationKeys.For("discord", "channel-1", "42"), CancellationToken.None));
        Assert.NotNull(await store.GetAsync(ConversationKeys.For("discord", "channel-1", "7"), CancellationToken.None));
        Assert.NotNull(await store.GetAsync(ConversationKeys.For("teams", "chat-1", "42"), CancellationToken.None));
    }
}
