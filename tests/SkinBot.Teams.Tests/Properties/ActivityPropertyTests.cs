using System.Net;
using System.Text.Json.Nodes;
using CsCheck;
using SkinBot.Teams.Tests.Fakes;
using SkinBot.Testing.Hostile;

namespace SkinBot.Teams.Tests.Properties;

/// <summary>
/// POST /api/messages with generated activities (hostile text, odd field values) under a valid channel token, and with
/// generated and mangled tokens. The endpoint never fails with a 500, and a bad token never gets further than a 401.
/// </summary>
public sealed class ActivityPropertyTests : IAsyncLifetime
{
    private static readonly Gen<JsonNode?> OddValue = Gen.OneOf<Func<JsonNode?>>(
        () => null, () => JsonValue.Create(0), () => JsonValue.Create(-1e308), () => JsonValue.Create(string.Empty), () => JsonValue.Create("x"),
        () => JsonValue.Create(true), () => new JsonArray(), () => new JsonObject(), () => new JsonObject { ["id"] = 5 },
        () => new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>x</at>" })).Select(make => make());

    private static readonly Gen<string> Field = Gen.OneOf(
        "type", "id", "text", "textFormat", "from", "recipient", "conversation", "entities", "attachments", "channelData", "value", "name",
        "channelId", "locale", "replyToId", "membersAdded", "timestamp");

    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Any_activity_under_a_good_token_never_gets_a_500_and_every_reply_fits_teams()
    {
        var activities = Gen.Select(
            Gen.OneOf("personal", "channel", "submit", "compose", "execute"),
            HostileText.Message,
            Gen.Select(Field, Gen.Frequency((3, OddValue), (1, HostileText.Message.Select(t => (JsonNode?)JsonValue.Create(t))))).Array[0, 3],
            Gen.Long[1, long.MaxValue],
            (kind, text, edits, id) =>
            {
                var serviceUrl = _host.Connector.ServiceUrl;
                var activity = kind switch
                {
                    "personal" => TeamsPayloads.Personal(serviceUrl, text, id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    "channel" => TeamsPayloads.ChannelMention(serviceUrl, "<at>SkinBot</at> " + text, id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    "submit" => TeamsPayloads.SubmitAction(serviceUrl, text, id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    "compose" => TeamsPayloads.ComposeQuery(serviceUrl, text),
                    _ => TeamsPayloads.CardExecute(serviceUrl, "ask", text),
                };
                foreach (var (field, value) in edits)
                {
                    activity[field] = value?.DeepClone();
                }

                return activity;
            });

        await activities.SampleAsync(async activity =>
        {
            using var response = await _host.PostAsync(activity, "Bearer " + _host.GoodToken());

            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.True((int)response.StatusCode < 500 || response.StatusCode is HttpStatusCode.NotImplemented, $"status {(int)response.StatusCode}");
        }, iter: PropertyRuns.Iterations(250), seed: PropertyRuns.Seed, threads: 1);

        await _host.WhenIdleAsync();
        Assert.All(_host.Connector.Requests, request => TeamsWire.AssertActivityFits(request.Body));
    }

    [Fact]
    public async Task Any_malformed_or_mangled_token_is_a_401_and_nothing_is_sent()
    {
        var good = _host.GoodToken();
        var mangled = Gen.Frequency(
            (2, Gen.Select(Gen.Int[0, good.Length - 1].Array[1, 4], Gen.Char['!', '~'], (positions, c) =>
            {
                var chars = good.ToCharArray();
                foreach (var at in positions)
                {
                    chars[at] = chars[at] == c ? (char)(c ^ 1) : c;
                }

                return new string(chars);
            })),
            (1, Gen.Int[0, good.Length - 1].Select(cut => good[..cut])),
            (1, Gen.Const(good).Select(token => string.Join('.', token.Split('.').Reverse()))),
            (1, Gen.Char['!', '~'].Array[0, 300].Select(chars => new string(chars))),
            (1, Gen.OneOf("a.b.c", "..", ".", "e30.e30.", "eyJhbGciOiJub25lIn0.e30.", "x.y.z.w.v", new string('A', 20_000) + ".e30.x")));
        var headers = Gen.Select(Gen.OneOf("Bearer ", "bearer ", "Bearer  ", "Basic ", string.Empty, "Bearer\t"), mangled, (scheme, token) => scheme + token);

        await headers.SampleAsync(async authorization =>
        {
            using var response = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "what are boxcar scars?"), authorization);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }, iter: PropertyRuns.Iterations(300), seed: PropertyRuns.Seed, threads: 1);

        Assert.Empty(_host.Connector.Requests);
        Assert.Empty(_host.Engine.Requests);
    }

    [Fact]
    public async Task A_token_with_a_dot_inside_a_segment_is_a_401_not_a_500()
    {
        // Regression: five segments look like an encrypted token to CanReadToken, and decoding one threw FormatException.
        var good = _host.GoodToken();
        var payloadMiddle = good.IndexOf('.', StringComparison.Ordinal) + 20;
        var broken = good[..payloadMiddle] + "." + good[(payloadMiddle + 1)..];
        broken = broken[..^10] + "." + broken[^9..];

        using var response = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "what are boxcar scars?"), "Bearer " + broken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
