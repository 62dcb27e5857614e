using System.Globalization;
using System.Net;
using System.Text.Json;
using CsCheck;
using SkinBot.Discord.Tests.Fakes;
using SkinBot.Testing.Hostile;

namespace SkinBot.Discord.Tests.Properties;

/// <summary>
/// POST /discord/interactions on 127.0.0.1 with generated and mutated bodies, each validly signed, so every one gets past
/// the signature and into the parser and the handler.
/// </summary>
public sealed class InteractionEndpointPropertyTests : IAsyncLifetime
{
    // Signed now: the endpoint refuses timestamps outside its few-minute window.
    private static readonly string Timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    private readonly InteractionSigner _signer = new();
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        var settings = BotHost.Settings(discord: null, _signer.PublicKeyHex, withToken: false);
        _bot = await BotHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _signer.Dispose();
    }

    [Fact]
    public async Task Any_signed_body_gets_a_400_or_a_reply_within_discords_limits_that_pings_nobody()
    {
        await InteractionGen.Body.SampleAsync(async body =>
        {
            using var response = await SignedInteractions.PostRawAsync(_bot.Client, body, Timestamp, _signer.Sign(Timestamp, body));

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"status {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                AssertResponseFits(await SignedInteractions.JsonAsync(response));
            }
        }, iter: PropertyRuns.Iterations(300), seed: PropertyRuns.Seed, threads: 1);
    }

    [Fact]
    public async Task Any_body_with_a_wrong_or_missing_signature_is_a_401_and_reaches_nothing()
    {
        var forgeries = Gen.Select(InteractionGen.Body, Gen.OneOf<string?>(
            null, string.Empty, "zz", new string('0', 128), new string('g', 128), "00" + new string('f', 126), new string('a', 130)),
            Gen.OneOf<string?>(null, string.Empty, Timestamp, "0", "-1", "1767225600.5", new string('9', 5000)));

        await forgeries.SampleAsync(async (body, signature, timestamp) =>
        {
            using var response = await SignedInteractions.PostRawAsync(_bot.Client, body, timestamp, signature);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }, iter: PropertyRuns.Iterations(200), seed: PropertyRuns.Seed, threads: 1);
        Assert.Empty(_bot.Engine.Requests);
    }

    [Fact]
    public async Task A_body_signed_for_one_timestamp_is_refused_under_another()
    {
        await InteractionGen.Body.SampleAsync(async body =>
        {
            using var response = await SignedInteractions.PostRawAsync(_bot.Client, body, (long.Parse(Timestamp, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture), _signer.Sign(Timestamp, body));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }, iter: PropertyRuns.Iterations(50), seed: PropertyRuns.Seed, threads: 1);
    }

    internal static void AssertResponseFits(JsonElement json)
    {
        var type = json.GetProperty("type").GetInt32();
        Assert.Contains(type, new[] { 1, 4, 5, 6, 7, 8 });
        if (type is 4 or 7)
        {
            DiscordWire.AssertMessageFits(json.GetProperty("data"));
        }
        else if (type == 8)
        {
            DiscordWire.AssertChoicesFit(json.GetProperty("data"));
        }
    }
}
