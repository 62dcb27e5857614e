using Microsoft.Extensions.Logging;
using SkinBot.Host.Operations;

namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// The HttpClientFactory's own request logs print the whole address; a Discord webhook address holds the interaction
/// token. With every category at Trace, no log line or scope of the real host may show it, whichever client sent it.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class HttpClientLogRedactionTests(TracedHost traced) : IClassFixture<TracedHost>
{
    [Fact]
    public async Task A_webhook_token_never_appears_in_a_log_line_of_any_category_whichever_client_sends_it()
    {
        var token = "SECRET-TOKEN-" + Guid.NewGuid().ToString("N");
        string[] clients = [.. traced.SkinBotClientNames, string.Empty];
        Assert.Contains(clients, name => name.StartsWith("SkinBot.Discord", StringComparison.Ordinal));
        Assert.Equal(3, clients.Count(name => name.StartsWith("SkinBot.Teams", StringComparison.Ordinal)));

        for (var i = 0; i < clients.Length; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(traced.Remote.BaseAddress, $"/api/v10/webhooks/{i}/{token}/messages/@original?wait=true&token={token}"));
            using var response = await traced.Client(clients[i]).SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        Assert.Equal(clients.Length, traced.Remote.Received.Count(path => path.Contains(token, StringComparison.Ordinal)));
        Assert.DoesNotContain(traced.Logs.Entries, entry => entry.ToString().Contains(token, StringComparison.Ordinal)
            || entry.Values.Values.Any(value => value?.ToString()?.Contains(token, StringComparison.Ordinal) == true));
        Assert.DoesNotContain(traced.Logs.Scopes, scope => scope.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outgoing_requests_are_logged_at_debug_under_their_own_category_with_the_redacted_address()
    {
        var token = "SECRET-TOKEN-" + Guid.NewGuid().ToString("N");
        var teamsClient = traced.SkinBotClientNames.First(name => name.StartsWith("SkinBot.Teams", StringComparison.Ordinal));

        using var response = await traced.Client(teamsClient).GetAsync(new Uri(traced.Remote.BaseAddress, $"/v3/conversations/a/activities?sig={token}"));
        response.EnsureSuccessStatusCode();

        var line = await traced.Logs.WaitForAsync(
            e => e.Category == RedactedHttpClientLogger.Category && e.Message.Contains("/v3/conversations/a/activities", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        Assert.Equal(LogLevel.Debug, line.Level);
        Assert.Equal($"HTTP GET http://127.0.0.1:{traced.Remote.BaseAddress.Port}/v3/conversations/a/activities?sig=REDACTED answered 200 in {line.Values["ElapsedMs"]} ms", line.Message);
    }
}
