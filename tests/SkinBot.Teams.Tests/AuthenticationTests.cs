using System.Net;
using System.Text.Json.Nodes;
using SkinBot.Teams.Tests.Fakes;

namespace SkinBot.Teams.Tests;

/// <summary>Every request is authenticated before anything happens; every failure is a 401 with no outbound call.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private JsonObject Question() => TeamsPayloads.Personal(_host.Connector.ServiceUrl, "what are boxcar scars?");

    public static TheoryData<string, string> BadTokenCases() => new()
    {
        { "wrong issuer", "wrong_issuer" },
        { "wrong audience", "wrong_audience" },
        { "expired", "expired" },
        { "not yet valid", "not_yet_valid" },
        { "unknown key", "unknown_key" },
        { "key endorsed for another channel", "channel_not_endorsed" },
        { "key without endorsements", "channel_not_endorsed" },
        { "alg none", "bad_signature" },
        { "HS256 signed with the public key", "bad_signature" },
        { "tampered payload", "bad_signature" },
        { "missing Authorization header", "missing_header" },
        { "wrong scheme", "wrong_scheme" },
        { "serviceurl claim mismatch", "service_url_mismatch" },
        { "empty bearer", "wrong_scheme" },
        { "garbage token", "malformed_token" },
    };

    [Theory]
    [MemberData(nameof(BadTokenCases))]
    public async Task A_bad_token_gets_401_and_nothing_else_happens(string badCase, string reason)
    {
        var activity = Question();
        var serviceUrl = _host.Connector.ServiceUrl;
        var now = DateTime.UtcNow;
        string? authorization = badCase switch
        {
            "wrong issuer" => Bearer(TokenMinter.Mint(TeamsTestHost.AppId, serviceUrl, issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")),
            "wrong audience" => Bearer(TokenMinter.Mint("0f0f0f0f-1111-2222-3333-444444444444", serviceUrl)),
            "expired" => Bearer(TokenMinter.Mint(TeamsTestHost.AppId, serviceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6))),
            "not yet valid" => Bearer(TokenMinter.Mint(TeamsTestHost.AppId, serviceUrl, notBefore: now.AddMinutes(6), expires: now.AddHours(1))),
            "unknown key" => Bearer(TokenMinter.Mint(TeamsTestHost.AppId, serviceUrl, TestKeys.Unpublished)),
            "key endorsed for another channel" => Bearer(TokenMinter.Mint(TeamsTestHost.AppId, serviceUrl, TestKeys.OtherChannel)),
            "key without endorsements" => Bearer(TokenMinter.Mint(TeamsTestHost.AppId, serviceUrl, TestKeys.Unendorsed)),
            "alg none" => Bearer(TokenMinter.Unsigned(TeamsTestHost.AppId, serviceUrl, TestKeys.Teams.KeyId)),
            "HS256 signed with the public key" => Bearer(TokenMinter.HmacWithPublicKey(TeamsTestHost.AppId, serviceUrl, TestKeys.Teams)),
            "tampered payload" => Bearer(TokenMinter.Tampered(TeamsTestHost.AppId, serviceUrl, p => p["exp"] = DateTimeOffset.UtcNow.AddYears(1).ToUnixTimeSeconds())),
            "missing Authorization header" => null,
            "wrong scheme" => "Basic " + TokenMinter.Mint(TeamsTestHost.AppId, serviceUrl),
            "serviceurl claim mismatch" => Bearer(TokenMinter.Mint(TeamsTestHost.AppId, "https://smba.trafficmanager.net/amer/")),
            "empty bearer" => "Bearer ",
            "garbage token" => "Bearer not.a.jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(badCase)),
        };

        using var response = await _host.PostAsync(activity, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await _host.WhenIdleAsync();
        Assert.Empty(_host.Connector.Requests);
        Assert.Empty(_host.Engine.Requests);
        Assert.Empty(_host.Tokens.Requests);
        Assert.Equal(1, _host.Metrics.Total("skinbot.teams.auth.failures"));
        Assert.True(
            _host.Metrics.Total($"skinbot.teams.auth.failures[reason={reason}]") == 1,
            "rejected for another reason: " + string.Join(" | ", _host.Logs.Entries.Where(e => e.Message.StartsWith("Rejected", StringComparison.Ordinal)).Select(e => e.Message)));
    }

    [Fact]
    public async Task A_flood_of_bad_tokens_is_counted_in_full_but_logged_once_per_interval()
    {
        for (var i = 0; i < 30; i++)
        {
            using var response = await _host.PostAsync(Question(), "Bearer not.a.jwt");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var lines = _host.Logs.Entries.Where(e => e.Category.EndsWith("BotFrameworkAuthenticator", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, line.Level);
        Assert.Contains("malformed_token", line.Message, StringComparison.Ordinal);
        Assert.Equal(30, _host.Metrics.Total("skinbot.teams.auth.failures[reason=malformed_token]"));
    }

    [Fact]
    public async Task A_token_whose_serviceurl_claim_was_rewritten_to_the_attackers_url_is_rejected()
    {
        // The attacker edits the claim to their own server and sends a matching activity; the signature no longer holds.
        var activity = TeamsPayloads.Personal("http://127.0.0.1:9/attacker/", "hi");
        using var response = await _host.PostAsync(activity, TamperedFor(activity));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, _host.Metrics.Total("skinbot.teams.auth.failures[reason=bad_signature]"));
    }

    [Fact]
    public async Task A_good_token_is_accepted_and_the_question_is_answered()
    {
        using var response = await _host.PostAsync(Question());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _host.WhenIdleAsync();
        Assert.Single(_host.Connector.DeliveredMessages);
        Assert.Equal(0, _host.Metrics.Total("skinbot.teams.auth.failures"));
    }

    [Theory]
    [InlineData("HTTP://127.0.0.1:{port}")]
    [InlineData("http://127.0.0.1:{port}/")]
    public async Task The_serviceurl_claim_matches_ignoring_case_and_trailing_slash(string claimShape)
    {
        var port = new Uri(_host.Connector.ServiceUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var claim = claimShape.Replace("{port}", port, StringComparison.Ordinal);

        using var response = await _host.PostAsync(Question(), Bearer(TokenMinter.Mint(TeamsTestHost.AppId, claim)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_token_within_the_five_minute_clock_skew_is_accepted()
    {
        var now = DateTime.UtcNow;
        var token = TokenMinter.Mint(TeamsTestHost.AppId, _host.Connector.ServiceUrl, notBefore: now.AddMinutes(-60), expires: now.AddMinutes(-3));

        using var response = await _host.PostAsync(Question(), Bearer(token));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_from_a_channel_the_key_is_not_endorsed_for_is_rejected()
    {
        var activity = Question();
        activity["channelId"] = "directline"; // the Teams key is endorsed for msteams, skype and webchat only

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Engine.Requests);
    }

    [Fact]
    public async Task Malformed_json_with_a_valid_token_gets_400_and_a_structured_log_line()
    {
        using var response = await _host.PostRawAsync("{\"type\":\"message\",\"text\":", Bearer(_host.GoodToken()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(_host.Logs.Entries, e => e.Message.StartsWith("Malformed activity JSON", StringComparison.Ordinal));
        Assert.Empty(_host.Connector.Requests);
    }

    [Fact]
    public async Task Malformed_json_without_a_token_gets_401_not_400()
    {
        using var response = await _host.PostRawAsync("{not json", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Rejections_never_log_the_token()
    {
        var token = TokenMinter.Mint("0f0f0f0f-1111-2222-3333-444444444444", _host.Connector.ServiceUrl);
        using var response = await _host.PostAsync(Question(), Bearer(token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(_host.Logs.Entries, e => e.Message.Contains("wrong_audience", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Message.Contains(token[..40], StringComparison.Ordinal));
    }

    private string TamperedFor(JsonObject activity) =>
        Bearer(TokenMinter.Tampered(TeamsTestHost.AppId, _host.Connector.ServiceUrl, p => p["serviceurl"] = activity["serviceUrl"]!.GetValue<string>()));

    private static string Bearer(string token) => "Bearer " + token;
}
