using System.Net;
using System.Net.Http.Headers;
using SkinBot.Teams.Tests.Fakes;
using SkinBot.Testing.Hostile;

namespace SkinBot.Teams.Tests.Properties;

/// <summary>The nasty-input catalogue through POST /api/messages: a clear 4xx or a normal reply, and the next message is answered.</summary>
public sealed class MessagesEndpointNastyInputTests : IAsyncLifetime
{
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(NastyInputs.All), MemberType = typeof(NastyInputs))]
    public async Task A_nasty_message_is_acknowledged_and_answered_within_teams_limits(string name)
    {
        var text = NastyInputs.Text(name);

        using var personal = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, text, "nasty-1"));
        using var channel = await _host.PostAsync(TeamsPayloads.ChannelMention(_host.Connector.ServiceUrl, "<at>SkinBot</at> " + text, "nasty-2"));
        using var compose = await _host.PostAsync(TeamsPayloads.ComposeQuery(_host.Connector.ServiceUrl, text));

        Assert.True(personal.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK or HttpStatusCode.RequestEntityTooLarge, $"status {(int)personal.StatusCode}");
        Assert.True(channel.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK or HttpStatusCode.RequestEntityTooLarge, $"status {(int)channel.StatusCode}");
        Assert.InRange((int)compose.StatusCode, 200, 499);
        await _host.WhenIdleAsync();
        Assert.All(_host.Connector.Requests, request => TeamsWire.AssertActivityFits(request.Body));
        await AssertStillAnswersAsync();
    }

    [Theory]
    [MemberData(nameof(NastyBodies.All), MemberType = typeof(NastyBodies))]
    public async Task A_nasty_body_under_a_good_token_gets_a_clear_4xx_and_the_next_message_is_answered(string name)
    {
        var nasty = NastyBodies.Get(name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(nasty.Bytes) };
        if (nasty.ContentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(nasty.ContentType);
        }

        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _host.GoodToken());

        using var response = await _host.Client.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        await AssertStillAnswersAsync();
    }

    private async Task AssertStillAnswersAsync()
    {
        var before = _host.Connector.DeliveredMessages.Count;
        using var response = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "what are boxcar scars?", "after-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _host.WhenIdleAsync();
        Assert.True(_host.Connector.DeliveredMessages.Count > before, "the next message was answered");
    }
}
