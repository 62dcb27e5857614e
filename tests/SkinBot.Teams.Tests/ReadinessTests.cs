using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SkinBot.Teams.Tests.Fakes;

namespace SkinBot.Teams.Tests;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Teams_is_ready_once_the_channel_signing_keys_load()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var report = await ReadinessAsync(host);

        var entry = Assert.Single(report.Entries, e => e.Key == "teams-signing-keys");
        Assert.Equal(HealthStatus.Healthy, entry.Value.Status);
    }

    [Fact]
    public async Task Teams_is_not_ready_when_the_signing_keys_cannot_be_fetched()
    {
        // A loopback port nobody listens on: the metadata request is refused at once.
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:OpenIdMetadataUrl"] = "http://127.0.0.1:9/v1/.well-known/openidconfiguration");

        var report = await ReadinessAsync(host);

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["teams-signing-keys"].Status);
    }

    [Fact]
    public async Task Without_an_app_id_there_is_no_teams_readiness_check()
    {
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:MicrosoftAppId"] = string.Empty);

        var checks = host.Services.GetService<Microsoft.Extensions.Options.IOptions<HealthCheckServiceOptions>>()?.Value.Registrations ?? [];

        Assert.DoesNotContain(checks, check => check.Name == "teams-signing-keys");
    }

    private static Task<HealthReport> ReadinessAsync(TeamsTestHost host) =>
        host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains("ready"));
}
