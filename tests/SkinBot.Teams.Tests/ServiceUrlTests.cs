using System.Globalization;
using System.Net;
using SkinBot.Teams.Tests.Fakes;

namespace SkinBot.Teams.Tests;

/// <summary>
/// The bot's bearer token goes only to a plain connector address: a serviceUrl with a fragment, query, user-info or a
/// scheme other than https is refused even when the token vouches for it, and replies always go to
/// {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}.
/// </summary>
public sealed class ServiceUrlTests : IAsyncLifetime
{
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Port => new Uri(_host.Connector.ServiceUrl).Port.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("http://127.0.0.1:{port}/#fragment")]
    [InlineData("http://127.0.0.1:{port}/amer/#/v3/conversations/x/activities/y")]
    [InlineData("http://127.0.0.1:{port}/#")]
    [InlineData("http://127.0.0.1:{port}/?region=amer")]
    [InlineData("http://127.0.0.1:{port}/?")]
    [InlineData("http://user:pass@127.0.0.1:{port}/")]
    [InlineData("http://@127.0.0.1:{port}/")]
    [InlineData("ftp://127.0.0.1:{port}/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://smba.example.test/amer/")]
    [InlineData("/v3/conversations/")]
    [InlineData("http://127.0.0.1:{port}/am er/")]
    public async Task A_service_url_that_is_not_a_plain_connector_address_is_refused_even_when_the_token_vouches_for_it(string shape)
    {
        var serviceUrl = shape.Replace("{port}", Port, StringComparison.Ordinal);

        using var response = await _host.PostAsync(TeamsPayloads.Personal(serviceUrl, "what are boxcar scars?"));
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Connector.Requests);
        Assert.Empty(_host.Engine.Requests);
        Assert.Equal(1, _host.Metrics.Total("skinbot.teams.auth.failures[reason=untrusted_service_url]"));
    }

    [Fact]
    public async Task A_loopback_http_service_url_is_refused_unless_configured()
    {
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:AllowLoopbackHttpServiceUrls"] = "false");

        using var response = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "what are boxcar scars?"));
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Connector.Requests);
        Assert.Equal(1, host.Metrics.Total("skinbot.teams.auth.failures[reason=untrusted_service_url]"));
    }

    [Fact]
    public async Task A_reply_goes_under_the_service_urls_own_path()
    {
        using var response = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl + "amer/", "prevent", id: "1700000000456"));
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = Assert.Single(_host.Connector.Requests);
        Assert.Equal("/amer/v3/conversations/a%3A1Xh3sWq9fBdM0c-7kQ2zT8uYpLrN5vE6gJ4oA1iK/activities/1700000000456", reply.RawTarget);
    }

    [Theory]
    [InlineData("..", "1700000000456")]
    [InlineData(".", "1700000000456")]
    [InlineData(TeamsPayloads.PersonalConversationId, "..")]
    [InlineData(TeamsPayloads.PersonalConversationId, ".")]
    public async Task A_dot_segment_id_cannot_move_the_reply_to_another_address(string conversationId, string activityId)
    {
        var activity = TeamsPayloads.Personal(_host.Connector.ServiceUrl, "prevent", id: activityId);
        activity["conversation"]!["id"] = conversationId;

        using var response = await _host.PostAsync(activity);
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Connector.Requests);
        Assert.Empty(_host.Engine.Requests);
    }

    [Fact]
    public async Task Reserved_characters_in_ids_stay_inside_their_path_segment()
    {
        var activity = TeamsPayloads.Personal(_host.Connector.ServiceUrl, "prevent", id: "../../x?y#z");
        activity["conversation"]!["id"] = "../a/%2E%2E";

        using var response = await _host.PostAsync(activity);
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = Assert.Single(_host.Connector.Requests);
        Assert.Equal("/v3/conversations/..%2Fa%2F%252E%252E/activities/..%2F..%2Fx%3Fy%23z", reply.RawTarget);
    }
}
