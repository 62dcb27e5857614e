using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkinBot.Host.Tests.Operations;
using SkinBot.Host.WebChat;
using SkinBot.Testing.Fakes;

namespace SkinBot.Host.Tests.WebChat;

/// <summary>Web chat conversation ids come from the server and are bound to the client they were issued to.</summary>
public sealed class ConversationIdTests : IAsyncLifetime
{
    private const string Alice = "198.51.100.7";
    private const string Bob = "203.0.113.9";

    private readonly FakeChatEngine _engine = new(HostAnswers.Substantive);
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(_engine, configureServices: TestPeerAddress.AddTo);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_first_message_without_an_id_is_given_one_and_sending_it_back_continues_that_conversation()
    {
        var first = await AskAsync(Alice, conversationId: null);
        var issued = first.GetProperty("conversationId").GetString()!;
        var second = await AskAsync(Alice, issued);

        Assert.Matches("^[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}$", issued);
        Assert.Equal(issued, second.GetProperty("conversationId").GetString());
        var requests = _engine.Requests.ToArray();
        Assert.Equal(issued, requests[0].ConversationId);
        Assert.Equal(issued, requests[1].ConversationId);
        Assert.Equal(requests[0].UserId, requests[1].UserId);
    }

    [Fact]
    public async Task An_id_the_server_did_not_issue_starts_a_fresh_conversation()
    {
        var reply = await AskAsync(Alice, "my-script-1");

        var issued = reply.GetProperty("conversationId").GetString();
        Assert.NotEqual("my-script-1", issued);
        Assert.Equal(issued, Assert.Single(_engine.Requests).ConversationId);
    }

    [Fact]
    public async Task Two_clients_sending_the_same_id_never_share_a_conversation()
    {
        var alices = (await AskAsync(Alice, conversationId: null)).GetProperty("conversationId").GetString()!;

        var bobs = (await AskAsync(Bob, alices)).GetProperty("conversationId").GetString();

        Assert.NotEqual(alices, bobs);
        var requests = _engine.Requests.ToArray();
        Assert.NotEqual(requests[0].ConversationId, requests[1].ConversationId);
        Assert.NotEqual(requests[0].UserId, requests[1].UserId);
    }

    [Fact]
    public async Task The_engine_never_sees_the_clients_address()
    {
        await AskAsync(Alice, conversationId: null);

        var request = Assert.Single(_engine.Requests);
        Assert.DoesNotContain(Alice, request.UserId, StringComparison.Ordinal);
        Assert.DoesNotContain(Alice, request.ConversationId, StringComparison.Ordinal);
    }

    [Fact]
    public void An_issued_id_is_redeemed_only_by_its_client_and_only_unaltered()
    {
        var secret = Secret();
        var alice = WebClientId.For(IPAddress.Parse(Alice), secret);
        var bob = WebClientId.For(IPAddress.Parse(Bob), secret);
        var issued = WebConversationId.Issue(alice, secret);
        var tampered = issued.Value[..^2] + (issued.Value[^2] == 'A' ? "BA" : "AA");

        Assert.Equal(issued, WebConversationId.TryRedeem(issued.Value, alice, secret));
        Assert.Null(WebConversationId.TryRedeem(issued.Value, bob, secret));
        Assert.Null(WebConversationId.TryRedeem(tampered, alice, secret));
        Assert.Null(WebConversationId.TryRedeem(issued.Value, alice, Secret()));
        Assert.Null(WebConversationId.TryRedeem("AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", alice, secret));
        Assert.Null(WebConversationId.TryRedeem("no-separator", alice, secret));
        Assert.Null(WebConversationId.TryRedeem(null, alice, secret));
        Assert.NotEqual(issued, WebConversationId.Issue(alice, secret));
    }

    [Fact]
    public void IPv6_clients_are_told_apart_by_their_64_bit_prefix_and_IPv4_by_their_whole_address()
    {
        var secret = Secret();
        WebClientId Of(string address) => WebClientId.For(IPAddress.Parse(address), secret);

        Assert.Equal(Of("2001:db8:1:2::1"), Of("2001:db8:1:2:ffff::9"));
        Assert.NotEqual(Of("2001:db8:1:2::1"), Of("2001:db8:1:3::1"));
        Assert.Equal(Of("192.0.2.10"), Of("::ffff:192.0.2.10"));
        Assert.NotEqual(Of("192.0.2.10"), Of("192.0.2.11"));
    }

    [Fact]
    public void Replicas_given_the_same_signing_key_redeem_each_others_ids_and_others_do_not()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var replicaA = Secret(key);
        var replicaB = Secret(key);
        var unconfigured = Secret();
        var issued = WebConversationId.Issue(WebClientId.For(IPAddress.Parse(Alice), replicaA), replicaA);

        Assert.True(replicaA.IsShared);
        Assert.False(unconfigured.IsShared);
        Assert.Equal(issued, WebConversationId.TryRedeem(issued.Value, WebClientId.For(IPAddress.Parse(Alice), replicaB), replicaB));
        Assert.Null(WebConversationId.TryRedeem(issued.Value, WebClientId.For(IPAddress.Parse(Alice), unconfigured), unconfigured));
    }

    [Theory]
    [InlineData("dG9vIHNob3J0")]
    [InlineData("not base64 at all!")]
    public void A_signing_key_that_is_not_base64_of_32_bytes_stops_start_up_without_being_quoted(string key)
    {
        var result = new WebChatOptionsValidator().Validate(null, new WebChatOptions { SigningKey = key });

        Assert.True(result.Failed);
        Assert.Contains("WebChat:SigningKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(key, result.FailureMessage, StringComparison.Ordinal);
    }

    private static WebChatSecret Secret(string? signingKey = null) =>
        new(Microsoft.Extensions.Options.Options.Create(new WebChatOptions { SigningKey = signingKey }));

    private async Task<JsonElement> AskAsync(string peer, string? conversationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat")
        {
            Content = JsonContent.Create(new { text = "what are ice pick scars?", conversationId }),
        };
        request.Headers.Add(TestPeerAddress.Header, peer);
        using var response = await _app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
