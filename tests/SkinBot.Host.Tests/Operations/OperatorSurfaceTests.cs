using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SkinBot.Core.Answers;
using SkinBot.Testing.Fakes;

namespace SkinBot.Host.Tests.Operations;

public sealed class OperatorSurfaceTests
{
    [Fact]
    public async Task Liveness_is_healthy_even_while_a_readiness_check_fails()
    {
        await using var app = await TestApp.StartAsync(new FakeChatEngine(HostAnswers.Substantive), configureServices: services =>
            services.AddHealthChecks().AddCheck("index", () => HealthCheckResult.Unhealthy("no index yet"), tags: ["ready"]));

        using var live = await app.Client.GetAsync("healthz");
        using var ready = await app.Client.GetAsync("readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", (await StatusOf(live)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var report = await StatusOf(ready);
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        var check = Assert.Single(report.GetProperty("checks").EnumerateArray());
        Assert.Equal("index", check.GetProperty("name").GetString());
        Assert.Equal("no index yet", check.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Readiness_runs_only_checks_tagged_ready_and_hides_exception_details()
    {
        await using var app = await TestApp.StartAsync(new FakeChatEngine(HostAnswers.Substantive), configureServices: services => services.AddHealthChecks()
            .AddCheck("index", () => HealthCheckResult.Healthy("42 passages"), tags: ["ready"])
            .AddCheck("discord", () => HealthCheckResult.Healthy("connected", new Dictionary<string, object> { ["token"] = "secret-token" }), tags: ["ready"])
            .AddCheck("untagged", () => throw new InvalidOperationException("must not run")));

        using var ready = await app.Client.GetAsync("readyz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Contains("\"index\"", body, StringComparison.Ordinal);
        Assert.Contains("\"discord\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("untagged", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_chat_the_metrics_show_the_answer_by_platform_and_intent_and_its_latency()
    {
        var engine = new FakeChatEngine(HostAnswers.Substantive) { Respond = r => HostAnswers.Substantive(r) with { Intent = "metrics_probe_intent" } };
        await using var app = await TestApp.StartAsync(engine);

        using var chat = await app.Client.PostAsJsonAsync("api/chat", new { text = "what are ice pick scars?", conversationId = "m1" });
        chat.EnsureSuccessStatusCode();
        var metrics = await app.Client.GetStringAsync("metrics");

        Assert.Matches(@"(?m)^skinbot_answers_total\{[^}]*intent=""metrics_probe_intent""[^}]*platform=""web""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"(?m)^skinbot_answer_duration_seconds_count\{[^}]*intent=""metrics_probe_intent""[^}]*platform=""web""[^}]*\} [1-9]", metrics);
        Assert.Contains("# TYPE skinbot_answer_duration_seconds histogram", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Low_confidence_answers_are_counted()
    {
        var engine = new FakeChatEngine(HostAnswers.Substantive)
        {
            Respond = _ => new Answer
            {
                Intent = "low_confidence_probe",
                Confidence = 0.1,
                Headline = "I'm not sure",
                LowConfidence = true,
                CorpusVersion = "test",
            },
        };
        await using var app = await TestApp.StartAsync(engine);

        (await app.Client.PostAsJsonAsync("api/chat", new { text = "blorp", conversationId = "m2" })).EnsureSuccessStatusCode();
        var metrics = await app.Client.GetStringAsync("metrics");

        Assert.Matches(@"(?m)^skinbot_answers_low_confidence_total\{[^}]*intent=""low_confidence_probe""[^}]*\} [1-9]", metrics);
    }

    [Fact]
    public async Task Every_meter_named_SkinBot_is_exported_and_others_are_not()
    {
        await using var app = await TestApp.StartAsync(new FakeChatEngine(HostAnswers.Substantive));
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        var index = factory.Create("SkinBot.Index");
        index.CreateCounter<long>("skinbot.index.builds_probe").Add(1);
        var foreign = factory.Create("Contoso.Other");
        foreign.CreateCounter<long>("contoso.probe").Add(1);

        var metrics = await app.Client.GetStringAsync("metrics");

        Assert.Contains("skinbot_index_builds_probe_total", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("contoso_probe", metrics, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> StatusOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
