using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkinBot.Core.Domain;
using SkinBot.Host.Operations;

namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// The per-client limit on the real host, behind a reverse proxy on loopback (the test plays the proxy, naming each client
/// in X-Forwarded-For). Its clock is real, so the limit is set low enough (one permit per 20 s) that no permit can come back
/// while the test sends its burst, however slow the machine.
/// </summary>
public sealed class RealHostLimitsTests : IAsyncLifetime
{
    private RealHost _host = null!;

    public async Task InitializeAsync() => _host = await RealHost.StartAsync(
        "--Limits:PerUserPermitsPerMinute=3",
        "--WebChat:TrustedProxies:0=127.0.0.1");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_flooding_client_is_told_to_wait_on_every_refused_message_while_another_client_is_answered()
    {
        var replies = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            replies.Add(await AskAsync("what are rolling scars?", "203.0.113.1", $"rotating-{i}"));
        }

        using var other = await AskAsync("what are rolling scars?", "203.0.113.2", "rotating-0");

        Assert.All(replies.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var refused in replies.Skip(3))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
            var error = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
            Assert.StartsWith(GuardReplies.UserRateLimitedHeadline, error, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotEqual(TurnOutcomeNames.RateLimited, (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("intent").GetString());

        var metrics = await _host.Client.GetStringAsync("metrics");
        Assert.Matches(@"(?m)^skinbot_messages_rate_limited_total\{[^}]*platform=""web""[^}]*reply=""suppressed""[^}]*scope=""user""[^}]*\} 2\b", metrics);
        replies.ForEach(r => r.Dispose());
    }

    private async Task<HttpResponseMessage> AskAsync(string text, string client, string conversationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(new { text, conversationId }) };
        request.Headers.Add("X-Forwarded-For", client);
        return await _host.Client.SendAsync(request);
    }
}
