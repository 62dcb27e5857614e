using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkinBot.Host.Operations;

namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// The per-user limit on the real host. Its clock is real, so the limit is set low enough (one permit per 20 s)
/// that no permit can come back while the test sends its burst, however slow the machine.
/// </summary>
public sealed class RealHostLimitsTests : IAsyncLifetime
{
    private RealHost _host = null!;

    public async Task InitializeAsync() => _host = await RealHost.StartAsync("--Limits:PerUserPermitsPerMinute=3");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_flooding_conversation_gets_one_notice_then_nothing_while_another_is_answered()
    {
        var replies = new List<JsonElement>();
        for (var i = 0; i < 6; i++)
        {
            replies.Add(await AskAsync("what are rolling scars?", "flood"));
        }

        var other = await AskAsync("what are rolling scars?", "calm");

        Assert.All(replies.Take(3), r => Assert.NotEqual(GuardReplies.RateLimitedIntent, r.GetProperty("intent").GetString()));
        Assert.Equal(GuardReplies.RateLimitedIntent, replies[3].GetProperty("intent").GetString());
        Assert.Equal(GuardReplies.UserRateLimitedHeadline, replies[3].GetProperty("headline").GetString());
        Assert.False(replies[3].GetProperty("suppressed").GetBoolean());
        Assert.All(replies.Skip(4), r => Assert.True(r.GetProperty("suppressed").GetBoolean()));
        Assert.NotEqual(GuardReplies.RateLimitedIntent, other.GetProperty("intent").GetString());

        var metrics = await _host.Client.GetStringAsync("metrics");
        Assert.Matches(@"(?m)^skinbot_messages_rate_limited_total\{[^}]*platform=""web""[^}]*reply=""suppressed""[^}]*scope=""user""[^}]*\} 2\b", metrics);
    }

    private async Task<JsonElement> AskAsync(string text, string conversationId)
    {
        using var response = await _host.Client.PostAsJsonAsync("api/chat", new { text, conversationId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
