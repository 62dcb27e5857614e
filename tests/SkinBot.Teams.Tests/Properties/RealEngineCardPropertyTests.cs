using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using SkinBot.Core.Chat;
using SkinBot.Core.Engine;
using SkinBot.Teams.Activities;
using SkinBot.Teams.Rendering;
using SkinBot.Teams.Tests.Fakes;
using SkinBot.Testing;
using SkinBot.Testing.Hostile;

namespace SkinBot.Teams.Tests.Properties;

/// <summary>The real engine's answers to hostile messages and typed commands, rendered as the Teams reply activity.</summary>
public sealed class RealEngineCardPropertyTests
{
    private static readonly Activity Inbound = JsonSerializer.Deserialize<Activity>(
        TeamsPayloads.Personal("https://smba.trafficmanager.net/amer/", "question").ToJsonString(), BotJson.Options)!;

    private static readonly Gen<string> Commanded = Gen.Select(
        Gen.OneOf("/scar ", "/treatments at home ", "/treatments in office ", "/ask "), HostileText.Message, (lead, text) => lead + text);

    [Fact]
    public async Task Every_answer_becomes_a_reply_under_teams_size_limit_that_mentions_nobody()
    {
        var engine = await EngineAsync();

        await Gen.Frequency((2, HostileText.Message), (1, Commanded)).SampleAsync(async text =>
        {
            var answer = await engine.AnswerAsync(Request(text), CancellationToken.None);

            TeamsWire.AssertActivityFits(Wire(answer));
        }, iter: PropertyRuns.Iterations(100), seed: PropertyRuns.Seed, threads: 1);
    }

    [Fact]
    public async Task Nothing_a_user_typed_becomes_a_link_or_markup_in_a_teams_reply()
    {
        var engine = await EngineAsync();

        await Commanded.SampleAsync(async text =>
        {
            var answer = await engine.AnswerAsync(Request(text), CancellationToken.None);

            foreach (var shown in TeamsWire.AssertActivityFits(Wire(answer)))
            {
                var leaks = MarkupLeaks.InTeamsMarkdown(shown);
                Assert.True(leaks.Count == 0, $"{string.Join("; ", leaks)} in: {shown}");
            }
        }, iter: PropertyRuns.Iterations(100), seed: PropertyRuns.Seed, threads: 1);
    }

    private static JsonObject Wire(Core.Answers.Answer answer) =>
        JsonSerializer.SerializeToNode(TeamsMessageFactory.AnswerReply(answer, Inbound), BotJson.Options)!.AsObject();

    private static ChatRequest Request(string text) =>
        new(Platforms.Teams, Guid.NewGuid().ToString("N"), "property", text) { Command = TypedCommandParser.TryParse(text) };

    private static async Task<ChatEngine> EngineAsync() => KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());
}
