using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkinBot.Host.Tests.Operations;

namespace SkinBot.Host.Tests.WebChat;

/// <summary>Follow-up memory on the real host (real engine and corpus) belongs to the person who built it up.</summary>
public sealed class RealHostConversationTests : IAsyncLifetime
{
    private const string Alice = "203.0.113.1";
    private const string Bob = "203.0.113.2";

    private RealHost _host = null!;

    public async Task InitializeAsync() => _host = await RealHost.StartAsync("--WebChat:TrustedProxies:0=127.0.0.1");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Someone_else_sending_your_conversation_id_does_not_get_your_last_topic()
    {
        var first = await AskAsync(Alice, "what is subcision?", "shared-1");
        var topic = first.GetProperty("topic").GetString();
        var aliceId = first.TryGetProperty("conversationId", out var issued) ? issued.GetString() : "shared-1";

        var bobs = await AskAsync(Bob, "does it hurt?", aliceId);
        var alices = await AskAsync(Alice, "does it hurt?", aliceId);

        Assert.False(string.IsNullOrEmpty(topic));
        Assert.NotEqual(topic, bobs.GetProperty("topic").GetString());
        Assert.NotEqual(aliceId, bobs.GetProperty("conversationId").GetString());
        Assert.Equal(topic, alices.GetProperty("topic").GetString());
    }

    private async Task<JsonElement> AskAsync(string client, string text, string? conversationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(new { text, conversationId }) };
        request.Headers.Add("X-Forwarded-For", client);
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
