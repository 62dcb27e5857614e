using System.Text;
using System.Text.Json;
using CsCheck;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Engine;
using SkinBot.Testing;
using SkinBot.Testing.Hostile;

namespace SkinBot.Core.Tests.Properties;

/// <summary>The real engine over the repository's corpus, asked anything at all, as any platform would ask it.</summary>
public sealed class EnginePropertyTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    [Fact]
    public async Task Any_text_gets_an_answer_that_fits_every_renderer_without_an_exception()
    {
        var engine = await EngineAsync();

        await HostileText.Message.SampleAsync(async text =>
        {
            var answer = await AskAsync(engine, text);

            Assert.False(string.IsNullOrWhiteSpace(answer.Headline));
            Assert.True(!answer.IsSubstantive || !string.IsNullOrWhiteSpace(answer.Caveat), "a substantive answer carries the caveat");
            Assert.True(AnswerTextRenderer.Render(answer).Length <= AnswerTextRenderer.DefaultMaxLength);
            using var document = JsonDocument.Parse(AnswerJson.Serialize(answer));
            Assert.Equal(AnswerJson.SchemaVersion, document.RootElement.GetProperty("schemaVersion").GetInt32());
            Assert.True(document.RootElement.GetProperty("rendered").GetString()!.Length <= AnswerTextRenderer.DefaultMaxLength);
        }, iter: PropertyRuns.Iterations(300), seed: PropertyRuns.Seed, threads: 1);
    }

    [Fact]
    public async Task Typed_commands_with_any_argument_get_an_answer_without_an_exception()
    {
        var engine = await EngineAsync();
        var commands = Gen.Select(
            Gen.OneOf("/scar ", "/treatments at home ", "/treatments in office ", "/treatments all ", "/ask ", "scar ", "treatments "),
            HostileText.Message,
            (lead, rest) => lead + rest);

        await commands.SampleAsync(async text =>
        {
            var answer = await AskAsync(engine, text);

            Assert.False(string.IsNullOrWhiteSpace(answer.Headline));
            Assert.True(AnswerTextRenderer.Render(answer).Length <= AnswerTextRenderer.DefaultMaxLength);
        }, iter: PropertyRuns.Iterations(200), seed: PropertyRuns.Seed, threads: 1);
    }

    [Fact]
    public async Task A_well_formed_question_never_gets_a_reply_with_a_lone_surrogate()
    {
        var engine = await EngineAsync();
        var emojiArguments = Gen.Select(
            Gen.OneOf("/scar ", "/treatments at home ", "/treatments in office "),
            Gen.Int[0, 60],
            Gen.OneOf("👍", "👩‍👩‍👧", "🇫🇷", "e\u0301"),
            (lead, padding, emoji) => lead + new string('a', padding) + string.Concat(Enumerable.Repeat(emoji, 20)));

        await emojiArguments.SampleAsync(async text =>
        {
            var answer = await AskAsync(engine, text);

            AssertWellFormed(answer.Headline);
            AssertWellFormed(answer.Message);
            AssertWellFormed(AnswerTextRenderer.Render(answer));
        }, iter: PropertyRuns.Iterations(200), seed: PropertyRuns.Seed, threads: 1);
    }

    private static void AssertWellFormed(string? text)
    {
        var exception = Record.Exception(() => StrictUtf8.GetByteCount(text ?? string.Empty));
        Assert.True(exception is null, $"lone surrogate in: {text}");
    }

    private static async Task<ChatEngine> EngineAsync() => KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

    private static async Task<Answer> AskAsync(ChatEngine engine, string text)
    {
        // Each message is its own conversation, so one sample's follow-up memory never steers the next.
        var request = new ChatRequest(Platforms.Web, Guid.NewGuid().ToString("N"), "property", text) { Command = TypedCommandParser.TryParse(text) };
        return await engine.AnswerAsync(request, CancellationToken.None);
    }
}
