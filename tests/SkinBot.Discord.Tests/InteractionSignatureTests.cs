using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SkinBot.Discord.Tests.Fakes;

namespace SkinBot.Discord.Tests;

public sealed class InteractionSignatureTests : IAsyncLifetime
{
    private readonly InteractionSigner _signer = new();
    private readonly string _ts = SignedInteractions.Now();
    private string Later => (long.Parse(_ts, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private BotHost _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotHost.StartAsync(BotHost.Settings(null, _signer.PublicKeyHex, withToken: false));

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _signer.Dispose();
    }

    [Fact]
    public async Task A_signed_ping_gets_a_pong()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer, Payloads.Ping());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_signed_with_another_key_is_rejected()
    {
        using var otherSigner = new InteractionSigner();
        using var response = await SignedInteractions.PostAsync(_bot.Client, otherSigner, Payloads.Ping());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_flood_of_forged_requests_is_counted_in_full_but_logged_once_per_interval()
    {
        using var forger = new InteractionSigner();
        for (var i = 0; i < 40; i++)
        {
            using var response = await SignedInteractions.PostAsync(_bot.Client, forger, Payloads.Ping());
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var refusals = _bot.Logs.Entries.Where(l => l.Category.EndsWith(nameof(Interactions.InteractionEndpoint), StringComparison.Ordinal) && l.Level >= LogLevel.Information).ToList();
        var line = Assert.Single(refusals);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("refused", line.Message, StringComparison.Ordinal);
        Assert.Equal(40, _bot.Metrics.Total("skinbot.discord.interactions.rejected"));
    }

    [Fact]
    public async Task A_tampered_body_is_rejected()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Payloads.Ping());
        var signature = _signer.Sign(_ts, body);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"type\":1", "\"type\":2", StringComparison.Ordinal));

        using var response = await SignedInteractions.PostRawAsync(_bot.Client, tampered, _ts, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signature_over_another_timestamp_is_rejected()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Payloads.Ping());
        using var response = await SignedInteractions.PostRawAsync(_bot.Client, body, Later, _signer.Sign(_ts, body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task A_request_missing_a_signature_header_is_rejected(bool withTimestamp, bool withSignature)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Payloads.Ping());
        using var response = await SignedInteractions.PostRawAsync(_bot.Client, body, withTimestamp ? _ts : null, withSignature ? _signer.Sign(_ts, body) : null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("not-hex-at-all")]
    [InlineData("zz")]
    [InlineData("abcd")]
    public async Task A_signature_that_is_not_128_hex_characters_is_rejected(string signature)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Payloads.Ping());
        using var response = await SignedInteractions.PostRawAsync(_bot.Client, body, _ts, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signature_with_a_non_hex_character_in_the_right_length_is_rejected()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Payloads.Ping());
        var signature = "g" + _signer.Sign(_ts, body)[1..];
        using var response = await SignedInteractions.PostRawAsync(_bot.Client, body, _ts, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_with_a_valid_signature_gets_400_and_a_log_line()
    {
        var body = Encoding.UTF8.GetBytes("""{"id": "1", "type": 2, "token": """);
        using var response = await SignedInteractions.PostRawAsync(_bot.Client, body, _ts, _signer.Sign(_ts, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(_bot.Logs.Entries, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Malformed interaction JSON", StringComparison.Ordinal));

        // Still serving afterwards.
        using var ping = await SignedInteractions.PostAsync(_bot.Client, _signer, Payloads.Ping());
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
    }

    [Fact]
    public async Task Json_missing_required_fields_gets_400()
    {
        var body = Encoding.UTF8.GetBytes("""{"type": 2}""");
        using var response = await SignedInteractions.PostRawAsync(_bot.Client, body, _ts, _signer.Sign(_ts, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class InteractionEndpointWithoutKeyTests
{
    [Fact]
    public async Task Without_a_public_key_the_endpoint_answers_404()
    {
        using var signer = new InteractionSigner();
        await using var bot = await BotHost.StartAsync(BotHost.Settings(null, publicKey: null, withToken: false));

        using var response = await SignedInteractions.PostAsync(bot.Client, signer, Payloads.Ping());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
