using System.Text;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Testing;
using SkinBot.Testing.Hostile;

namespace SkinBot.Core.Tests.Properties;

/// <summary>Every entry of the nasty-input catalogue, asked of the real engine as text and as a typed command.</summary>
public sealed class EngineNastyInputTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    [Theory]
    [MemberData(nameof(NastyInputs.All), MemberType = typeof(NastyInputs))]
    public async Task A_nasty_message_gets_an_ordinary_answer(string name)
    {
        var text = NastyInputs.Text(name);
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

        var answer = await engine.AnswerAsync(new ChatRequest(Platforms.Web, "nasty-" + name, "nasty", text) { Command = TypedCommandParser.TryParse(text) }, CancellationToken.None);

        Assert.False(string.IsNullOrWhiteSpace(answer.Headline));
        Assert.True(!answer.IsSubstantive || !string.IsNullOrWhiteSpace(answer.Caveat));
        var rendered = AnswerTextRenderer.Render(answer);
        Assert.True(rendered.Length <= AnswerTextRenderer.DefaultMaxLength);
        Assert.Contains(answer.Caveat ?? string.Empty, rendered, StringComparison.Ordinal);
        if (IsWellFormed(text))
        {
            Assert.True(IsWellFormed(rendered), "a well-formed question got a reply with a lone surrogate");
        }
    }

    [Theory]
    [MemberData(nameof(NastyInputs.All), MemberType = typeof(NastyInputs))]
    public async Task A_nasty_message_never_puts_its_markup_into_the_answer_as_a_plain_question(string name)
    {
        // As a plain question (no command), SkinBot answers in its own words: nothing of the question is echoed.
        var text = NastyInputs.Text(name);
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

        var answer = await engine.AnswerAsync(new ChatRequest(Platforms.Web, "nasty-q-" + name, "nasty", text), CancellationToken.None);

        Assert.Empty(MarkupLeaks.InMarkdown(AnswerTextRenderer.Render(answer)));
    }

    private static bool IsWellFormed(string text) => Record.Exception(() => StrictUtf8.GetByteCount(text)) is null;
}
