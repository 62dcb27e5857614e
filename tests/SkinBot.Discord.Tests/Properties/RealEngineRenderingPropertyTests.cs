using System.Text.Json;
using CsCheck;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Core.Turns;
using SkinBot.Discord.Rendering;
using SkinBot.Discord.Rest;
using SkinBot.Testing;
using SkinBot.Testing.Hostile;

namespace SkinBot.Discord.Tests.Properties;

/// <summary>
/// The real engine's answers to hostile messages and slash commands, rendered for Discord (embed and text style) and
/// turned into the wire body exactly as the REST client and the interaction endpoint send them.
/// </summary>
public sealed class RealEngineRenderingPropertyTests
{
    /// <summary>A slash command as the interaction handler turns one into a request: the option values are the user's text.</summary>
    private static readonly Gen<ChatRequest> SlashCommand = Gen.Frequency(
        (1, HostileText.Message.Select(text => Request(string.Empty, ChatCommand.Of(CommandNames.Scar, (CommandNames.ScarTypeOption, text))))),
        (1, Gen.Select(Gen.OneOf(TreatmentSettingNames.AtHome, TreatmentSettingNames.InOffice, TreatmentSettingNames.All), HostileText.Message,
            (where, text) => Request(string.Empty, ChatCommand.Of(CommandNames.Treatments, (CommandNames.WhereOption, where), (CommandNames.NameOption, text))))),
        (1, HostileText.Message.Select(text => Request(text, ChatCommand.Of(CommandNames.Ask, (CommandNames.QuestionOption, text))))));

    private static readonly Gen<ChatRequest> Anything = Gen.Frequency(
        (2, HostileText.Message.Select(text => Request(text, null))),
        (1, SlashCommand));

    [Fact]
    public async Task Every_answer_renders_within_discords_limits_with_no_mentions_allowed()
    {
        var turns = await TurnsAsync();

        await Anything.SampleAsync(async request =>
        {
            var answer = (await turns.RunAsync(request, TurnOptions.None, CancellationToken.None)).Reply;

            foreach (var message in Rendered(answer))
            {
                DiscordWire.AssertMessageFits(Wire(message));
            }
        }, iter: PropertyRuns.Iterations(80), seed: PropertyRuns.Seed, threads: 1);
    }

    [Fact]
    public async Task Nothing_a_user_typed_becomes_a_mention_a_link_or_markup_in_a_discord_reply()
    {
        var turns = await TurnsAsync();

        await SlashCommand.SampleAsync(async request =>
        {
            var answer = (await turns.RunAsync(request, TurnOptions.None, CancellationToken.None)).Reply;

            foreach (var message in Rendered(answer))
            {
                foreach (var text in DiscordWire.AssertMessageFits(Wire(message)))
                {
                    Assert.Empty(MarkupLeaks.InMarkdown(text));
                }
            }
        }, iter: PropertyRuns.Iterations(80), seed: PropertyRuns.Seed, threads: 1);
    }

    [Fact]
    public async Task Every_text_in_a_discord_reply_is_well_formed_unicode()
    {
        var turns = await TurnsAsync();
        var emojiNames = Gen.Select(Gen.Int[0, 60], Gen.OneOf("👍", "👩‍👩‍👧", "🇫🇷"),
            (padding, emoji) => Request(string.Empty, ChatCommand.Of(CommandNames.Scar, (CommandNames.ScarTypeOption, new string('a', padding) + string.Concat(Enumerable.Repeat(emoji, 30))))));

        await emojiNames.SampleAsync(async request =>
        {
            var answer = (await turns.RunAsync(request, TurnOptions.None, CancellationToken.None)).Reply;

            foreach (var message in Rendered(answer))
            {
                foreach (var text in DiscordWire.AssertMessageFits(Wire(message)))
                {
                    Assert.DoesNotContain('\uFFFD', text);
                }
            }
        }, iter: PropertyRuns.Iterations(100), seed: PropertyRuns.Seed, threads: 1);
    }

    private static IEnumerable<OutgoingMessage> Rendered(Answer answer) =>
        [AnswerRenderer.RenderEmbed(answer), AnswerRenderer.RenderEmbed(answer, ephemeral: true), AnswerRenderer.RenderReminder(answer), .. AnswerRenderer.RenderText(answer)];

    /// <summary>
    /// The body as Discord receives it. System.Text.Json writes a lone surrogate as U+FFFD, so a split emoji shows up
    /// as a replacement character on the wire.
    /// </summary>
    private static JsonElement Wire(OutgoingMessage message) =>
        JsonDocument.Parse(DiscordJson.Serialize(MessageBody.From(message))).RootElement.Clone();

    private static ChatRequest Request(string text, ChatCommand? command) =>
        new(Core.Chat.Platforms.Discord, Guid.NewGuid().ToString("N"), "property", text) { Command = command, ChannelId = "800000000000000001" };

    /// <summary>The real engine behind the turn pipeline, which unwraps <c>/ask</c> as it does for every door.</summary>
    private static async Task<TurnRunner> TurnsAsync() =>
        new([], KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync()), TimeProvider.System);
}
