using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkinBot.Core.Chat;
using SkinBot.Core.Turns;

namespace SkinBot.Host.Tests.Operations;

/// <summary>The operator surface, the web chat and the limits on the real host with the real engine and corpus.</summary>
public sealed class RealHostTests : IAsyncLifetime
{
    private RealHost _host = null!;

    public async Task InitializeAsync() => _host = await RealHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_host_is_live_and_ready_with_its_index_loaded()
    {
        using var live = await _host.Client.GetAsync("healthz");
        using var ready = await _host.Client.GetAsync("readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(report.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "index");
    }

    [Fact]
    public async Task A_turn_from_any_platform_reaches_the_real_engine()
    {
        var result = await _host.Services.GetRequiredService<ITurnRunner>().RunAsync(
            new ChatRequest(Platforms.Teams, "c", "u", "/scar boxcar") { ChannelId = "c" },
            TurnOptions.None,
            CancellationToken.None);

        var answer = Assert.IsType<TurnResult.Answered>(result).Answer;
        Assert.Equal("Boxcar scars", answer.Passages[0].LeadTerm);
    }

    [Fact]
    public async Task A_web_question_gets_a_grounded_answer_with_its_caveat()
    {
        var answer = await AskAsync("what are ice pick scars?", "real-1");

        Assert.False(answer.GetProperty("suppressed").GetBoolean());
        Assert.NotEmpty(answer.GetProperty("passages").EnumerateArray());
        Assert.Contains("dermatologist", answer.GetProperty("caveat").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(answer.GetProperty("followUps").EnumerateArray());
    }

    [Fact]
    public async Task After_a_chat_the_metrics_show_the_answer_and_the_index()
    {
        var answer = await AskAsync("what are boxcar scars?", "real-2");
        var intent = answer.GetProperty("intent").GetString();

        var metrics = await _host.Client.GetStringAsync("metrics");

        Assert.Matches($@"(?m)^skinbot_answers_total\{{[^}}]*intent=""{intent}""[^}}]*platform=""web""[^}}]*\}} [1-9]", metrics);
        Assert.Matches(@"(?m)^skinbot_answer_duration_seconds_bucket\{[^}]*platform=""web""[^}]*le=""0.05""", metrics);
        Assert.Matches(@"(?m)^skinbot_index_passages\{[^}]*\} [1-9]", metrics);
        Assert.Matches(@"(?m)^skinbot_index_build_duration_seconds_bucket\{[^}]*le=""0.05""", metrics);
    }

    [Fact]
    public async Task A_web_message_over_the_shipped_cap_is_a_400_and_other_platforms_get_the_too_long_reply()
    {
        using var web = await _host.Client.PostAsJsonAsync("api/chat", new { text = new string('a', 2001), conversationId = "long" });
        var discord = await _host.Services.GetRequiredService<ITurnRunner>().RunAsync(
            new ChatRequest(Platforms.Discord, "c", "u", new string('a', 2001)) { ChannelId = "c" },
            TurnOptions.None,
            CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, web.StatusCode);
        Assert.StartsWith("\"text\" is 2001 characters long; the limit is 2000.", (await web.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("2,000 characters", Assert.IsType<TurnResult.TooLong>(discord).Notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chat_page_is_served_at_the_root()
    {
        using var page = await _host.Client.GetAsync(string.Empty);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>SkinBot", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> AskAsync(string text, string conversationId)
    {
        using var response = await _host.Client.PostAsJsonAsync("api/chat", new { text, conversationId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
