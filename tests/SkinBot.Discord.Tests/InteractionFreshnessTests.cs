using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkinBot.Discord.Interactions;
using SkinBot.Discord.Tests.Fakes;

namespace SkinBot.Discord.Tests;

/// <summary>
/// Only a fresh delivery of a signed interaction is answered, once: stale, future and non-numeric timestamps are refused,
/// an exact copy gets the first copy's response (or is refused when this replica holds none) without the engine running
/// again, and a body larger than Discord sends is refused before it is read.
/// </summary>
public sealed class InteractionFreshnessTests : IAsyncLifetime
{
    private readonly InteractionSigner _signer = new();
    private BotHost _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotHost.StartAsync(BotHost.Settings(null, _signer.PublicKeyHex, withToken: false));

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _signer.Dispose();
    }

    public static TheoryData<string> StaleOrFutureOffsets => new() { "-3650.00:00:00", "-00:06:00", "00:06:00", "365.00:00:00" };

    [Theory]
    [MemberData(nameof(StaleOrFutureOffsets))]
    public async Task A_signature_timestamp_outside_the_window_is_rejected(string offset)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Payloads.Command("prevent"));
        var timestamp = SignedInteractions.Now(TimeSpan.Parse(offset, System.Globalization.CultureInfo.InvariantCulture));

        using var response = await SignedInteractions.PostRawAsync(_bot.Client, body, timestamp, _signer.Sign(timestamp, body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Engine.Requests);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("-60")]
    [InlineData("1.7e9")]
    [InlineData(" 1767225600")]
    [InlineData("99999999999999999999")]
    public async Task A_signature_timestamp_that_is_not_unix_seconds_is_rejected(string timestamp)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Payloads.Ping());

        using var response = await SignedInteractions.PostRawAsync(_bot.Client, body, timestamp, _signer.Sign(timestamp, body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signature_timestamp_a_few_minutes_old_is_accepted()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Payloads.Ping());
        var timestamp = SignedInteractions.Now(TimeSpan.FromMinutes(-4));

        using var response = await SignedInteractions.PostRawAsync(_bot.Client, body, timestamp, _signer.Sign(timestamp, body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_exact_copy_of_a_signed_command_gets_the_first_response_again_and_the_engine_runs_once()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Payloads.Command("prevent"));
        var timestamp = SignedInteractions.Now();
        var signature = _signer.Sign(timestamp, body);

        using var first = await SignedInteractions.PostRawAsync(_bot.Client, body, timestamp, signature);
        using var copy = await SignedInteractions.PostRawAsync(_bot.Client, body, timestamp, signature);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await copy.Content.ReadAsStringAsync());
        Assert.Single(_bot.Engine.Requests);
    }

    [Fact]
    public async Task A_copy_of_an_interaction_this_replica_did_not_answer_is_refused_as_a_replay()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Payloads.Command("prevent"));
        var timestamp = SignedInteractions.Now();
        var payload = JsonSerializer.Deserialize<JsonElement>(body);

        // Another replica claimed it in the shared ledger and answered it: this one holds no response to repeat.
        Assert.True(await _bot.Services.GetRequiredService<SkinBot.Core.State.IDeliveryLedger>().TryClaimAsync(SkinBot.Core.State.DeliveryKey.Discord(ulong.Parse(payload.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None));
        using var copy = await SignedInteractions.PostRawAsync(_bot.Client, body, timestamp, _signer.Sign(timestamp, body));

        Assert.Equal(HttpStatusCode.Unauthorized, copy.StatusCode);
        Assert.Empty(_bot.Engine.Requests);
    }

    [Fact]
    public async Task A_repeated_signed_ping_is_answered_each_time_since_it_changes_nothing()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Payloads.Ping());
        var timestamp = SignedInteractions.Now();
        var signature = _signer.Sign(timestamp, body);

        using var first = await SignedInteractions.PostRawAsync(_bot.Client, body, timestamp, signature);
        using var again = await SignedInteractions.PostRawAsync(_bot.Client, body, timestamp, signature);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("{\"type\":1}", await again.Content.ReadAsStringAsync());
        Assert.Empty(_bot.Engine.Requests);
    }

    [Fact]
    public async Task A_signed_body_near_the_cap_is_still_answered()
    {
        var ping = Payloads.Ping();
        ping["padding"] = new string('x', InteractionEndpoint.MaxBodyBytes - 1_000);
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer, ping);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_streamed_body_larger_than_discord_sends_is_refused_with_413()
    {
        var ping = Payloads.Ping();
        ping["padding"] = new string('x', InteractionEndpoint.MaxBodyBytes);
        var body = JsonSerializer.SerializeToUtf8Bytes(ping);
        var timestamp = SignedInteractions.Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions")
        {
            // No Content-Length: chunked, so the endpoint only finds out while reading.
            Content = new StreamContent(new UnknownLengthStream(body)),
        };
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature-Ed25519", _signer.Sign(timestamp, body));

        using var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_declared_body_larger_than_discord_sends_is_refused_with_413_before_it_is_sent()
    {
        var status = await SendHeadersOnlyAsync(SignedInteractions.Now(), new string('a', 128), contentLength: 50_000_000);

        Assert.Equal("413", status);
    }

    [Fact]
    public async Task Bad_signature_headers_are_refused_before_the_body_is_sent()
    {
        var stale = await SendHeadersOnlyAsync(SignedInteractions.Now(TimeSpan.FromDays(-1)), new string('a', 128), contentLength: 50_000);
        var malformed = await SendHeadersOnlyAsync("hello", "not-hex", contentLength: 50_000);

        Assert.Equal("401", stale);
        Assert.Equal("401", malformed);
    }

    /// <summary>Raw HTTP/1.1 over TCP: the request line and headers, then nothing, as a slow or hostile client would.</summary>
    private async Task<string> SendHeadersOnlyAsync(string timestamp, string signature, long contentLength)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _bot.Client.BaseAddress!.Port);
        var stream = tcp.GetStream();
        var head = $"POST /discord/interactions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {contentLength}\r\nX-Signature-Timestamp: {timestamp}\r\nX-Signature-Ed25519: {signature}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, timeout.Token);
        var statusLine = Encoding.ASCII.GetString(buffer, 0, read);
        Assert.StartsWith("HTTP/1.1 ", statusLine, StringComparison.Ordinal);
        return statusLine["HTTP/1.1 ".Length..][..3];
    }

    /// <summary>A readable stream that will not say how long it is, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
