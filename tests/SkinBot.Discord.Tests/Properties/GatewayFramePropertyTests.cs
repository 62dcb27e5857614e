using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.Extensions.Logging;
using SkinBot.Discord.Tests.Fakes;
using SkinBot.Testing.Hostile;

namespace SkinBot.Discord.Tests.Properties;

/// <summary>
/// Dispatch frames with mangled data (wrong types, missing fields, hostile text) sent over the fake gateway's WebSocket.
/// A bad event costs that event only: the session carries on and the next mention is answered.
/// </summary>
public sealed class GatewayFramePropertyTests : IAsyncLifetime
{
    private static readonly Gen<JsonNode?> OddValue = Gen.Frequency(
        (3, Gen.OneOf<Func<JsonNode?>>(
            () => null, () => JsonValue.Create(0), () => JsonValue.Create(-1), () => JsonValue.Create(1e308), () => JsonValue.Create(long.MaxValue),
            () => JsonValue.Create("99999999999999999999999999"), () => JsonValue.Create(string.Empty), () => JsonValue.Create("abc"),
            () => JsonValue.Create(true), () => new JsonArray(), () => new JsonObject(), () => new JsonArray(new JsonArray(new JsonArray())),
            () => new JsonObject { ["id"] = "x" }, () => new JsonArray(JsonValue.Create(1), JsonValue.Create("2"))).Select(make => make())),
        (1, HostileText.Message.Select(text => (JsonNode?)JsonValue.Create(text))));

    private static readonly Gen<string> Field = Gen.OneOf(
        "id", "channel_id", "guild_id", "content", "author", "mentions", "mention_roles", "member", "webhook_id", "type",
        "message_reference", "referenced_message", "user", "session_id", "roles", "data", "token", "application_id");

    /// <summary>A MESSAGE_CREATE (or another event's name over it) with some fields replaced by odd values.</summary>
    private static readonly Gen<(string Event, JsonNode? Data)> Frame = Gen.Frequency(
        (4, Gen.Select(
            Gen.OneOf("MESSAGE_CREATE", "INTERACTION_CREATE", "GUILD_CREATE", "GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE", "READY", "RESUMED", "TYPING_START", string.Empty, "\u0000"),
            Gen.Select(Field, OddValue).Array[0, 4],
            HostileText.Message,
            (name, edits, content) =>
            {
                var data = JsonSerializer.SerializeToNode(Payloads.Message(Payloads.NewId(), $"<@{FakeGateway.BotUserId}> {content}", mentions: [FakeGateway.BotUserId]))!.AsObject();
                foreach (var (field, value) in edits)
                {
                    data[field] = value?.DeepClone();
                }

                return (name, (JsonNode?)data);
            })),
        (1, Gen.Select(Gen.OneOf("MESSAGE_CREATE", "INTERACTION_CREATE", "READY", "GUILD_CREATE"), OddValue, (name, value) => (name, value?.DeepClone()))));

    private GatewayHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await GatewayHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task After_any_mangled_events_the_session_carries_on_and_answers_the_next_mention()
    {
        await Frame.Array[1, 5].SampleAsync(async frames =>
        {
            foreach (var (eventName, data) in frames)
            {
                _harness.Gateway.Dispatch(eventName, data!);
            }

            var question = _harness.Say("what are boxcar scars?");
            try
            {
                await GatewayTests.Eventually(() => _harness.Replies().Any(r => r.ReplyTo == question), TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                // Say what the bot logged, so a failure shows which event broke the session and how.
                var logged = _harness.Bot.Logs.Entries.Where(l => l.Level >= LogLevel.Warning).Select(l => $"{l.Level} {l.Category}: {l.Message} {l.Exception?.GetType().Name} {l.Exception?.Message}");
                throw new TimeoutException("The mention after the mangled events was not answered. Logged:\n" + string.Join('\n', logged));
            }
        }, iter: PropertyRuns.Iterations(40), seed: PropertyRuns.Seed, threads: 1);

        Assert.DoesNotContain(_harness.Bot.Logs.Entries, log => log.Level >= LogLevel.Error && log.Message.Contains("unexpectedly", StringComparison.Ordinal));
        foreach (var reply in _harness.Replies())
        {
            DiscordWire.AssertMessageFits(reply.Body);
        }
    }

    [Fact]
    public async Task A_ready_event_whose_data_is_not_an_object_is_skipped_and_the_next_mention_is_answered()
    {
        // Regression: this READY used to fail the whole session outside the per-event guard, and every resume replayed it.
        _harness.Gateway.Dispatch("READY", 5);

        var question = _harness.Say("what are boxcar scars?");

        await GatewayTests.Eventually(() => _harness.Replies().Any(r => r.ReplyTo == question), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(_harness.Bot.Logs.Entries, log => log.Level >= LogLevel.Error);
    }
}
