using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SkinBot.Discord.Tests.Fakes;
using SkinBot.Testing.Hostile;

namespace SkinBot.Discord.Tests.Properties;

/// <summary>The nasty-input catalogue through POST /discord/interactions: a clear 4xx or a normal reply, and the next request is served.</summary>
public sealed class InteractionNastyInputTests : IAsyncLifetime
{
    // Signed now: the endpoint refuses timestamps outside its few-minute window.
    private static readonly string Timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    private readonly InteractionSigner _signer = new();
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(BotHost.Settings(discord: null, _signer.PublicKeyHex, withToken: false));

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _signer.Dispose();
    }

    [Theory]
    [MemberData(nameof(NastyInputs.All), MemberType = typeof(NastyInputs))]
    public async Task A_nasty_question_or_button_gets_a_reply_within_limits_and_the_next_request_is_served(string name)
    {
        var text = NastyInputs.Text(name);

        foreach (var payload in new[] { Payloads.Command("ask", [Payloads.Option("question", text)]), Payloads.ButtonPress("fu:" + text), Payloads.Autocomplete("treatments", [Payloads.Option("name", text, focused: true)]) })
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(payload);
            using var response = await SignedInteractions.PostRawAsync(_bot.Client, body, Timestamp, _signer.Sign(Timestamp, body));

            // 413: a 100 KB question is more than Discord can send, so the body cap refuses it before the signature check.
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"status {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                InteractionEndpointPropertyTests.AssertResponseFits(await SignedInteractions.JsonAsync(response));
            }
        }

        await AssertStillServesAsync();
    }

    [Theory]
    [MemberData(nameof(NastyBodies.All), MemberType = typeof(NastyBodies))]
    public async Task A_nasty_signed_body_gets_a_clear_4xx_and_the_next_request_is_served(string name)
    {
        var nasty = NastyBodies.Get(name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(nasty.Bytes) };
        if (nasty.ContentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(nasty.ContentType);
        }

        request.Headers.Add("X-Signature-Timestamp", Timestamp);
        request.Headers.Add("X-Signature-Ed25519", _signer.Sign(Timestamp, nasty.Bytes));

        using var response = await _bot.Client.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        await AssertStillServesAsync();
    }

    private async Task AssertStillServesAsync()
    {
        using var ping = await SignedInteractions.PostAsync(_bot.Client, _signer, Payloads.Ping());
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(1, (await SignedInteractions.JsonAsync(ping)).GetProperty("type").GetInt32());
    }
}
