using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Intents;

/// <summary>A question with chat markup around it is answered as the same question typed plainly.</summary>
public sealed class ChatMarkupIntentTests
{
    private static async Task<Answer> AskAsync(string text)
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());
        return await engine.AnswerAsync(new ChatRequest(Platforms.Web, Guid.NewGuid().ToString("N"), "user", text), CancellationToken.None);
    }

    [Theory]
    [InlineData("**what** are _rolling_ scars??", "what are rolling scars??")]
    [InlineData("@everyone what are rolling scars thanks!!", "what are rolling scars thanks!!")]
    [InlineData("<@123456789> > are *pitted* scars ~~forever~~ permanent?", "are pitted scars forever permanent?")]
    [InlineData("<p><at>SkinBot</at>&nbsp;how do I get rid of my <b>pockmarks</b>?</p>", "how do I get rid of my pockmarks?")]
    [InlineData("[this](https://example.com/a) **subcision** thing, does it work? <:pray:123>", "this subcision thing, does it work?")]
    [InlineData("||icepick|| scars `at home`?? <t:1700000000:R>", "icepick scars at home??")]
    public async Task Markup_does_not_change_the_answer(string marked, string plain)
    {
        var expected = await AskAsync(plain);

        var actual = await AskAsync(marked);

        Assert.Equal(expected.Intent, actual.Intent);
        Assert.Equal(expected.Confidence, actual.Confidence);
        Assert.Equal(expected.Passages.Select(p => p.Id), actual.Passages.Select(p => p.Id));
    }
}
