using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SkinBot.Host.Roles;
using SkinBot.Host.Tests.Operations;

namespace SkinBot.Host.Tests.Roles;

/// <summary>One image, two roles (issue 12): <c>Host:Role</c> decides what a process serves.</summary>
public sealed class HostRoleTests
{
    // A loopback port nothing listens on: the gateway's connection fails fast, and no request leaves the machine.
    private static readonly string[] GatewayConfigured =
    [
        "--Discord:BotToken=fake-token-for-role-tests",
        "--Discord:GatewayUrl=ws://127.0.0.1:9/",
        "--Discord:ApiBaseUrl=http://127.0.0.1:9/api/v10",
    ];

    [Fact]
    public async Task A_web_replica_answers_the_web_chat_and_is_ready_without_a_gateway_connection()
    {
        await using var host = await RealHost.StartUnreadyAsync([.. GatewayConfigured, "--Host:Role=web"]);

        // With a bot token the "all" role is not ready until its gateway connects; a web replica has no gateway to wait for.
        await WaitForStatusAsync(host.Client, "readyz", HttpStatusCode.OK);
        using var answer = await host.Client.PostAsJsonAsync("api/chat", new { text = "what are boxcar scars?" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task A_gateway_process_serves_only_the_operator_endpoints()
    {
        await using var host = await RealHost.StartUnreadyAsync([.. GatewayConfigured, "--Host:Role=gateway"]);

        using var live = await host.Client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var page = await host.Client.GetAsync("");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using var chat = await host.Client.PostAsJsonAsync("api/chat", new { text = "what are boxcar scars?" });
        Assert.Equal(HttpStatusCode.NotFound, chat.StatusCode);
        using var interactions = await host.Client.PostAsync("discord/interactions", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, interactions.StatusCode);
        using var teams = await host.Client.PostAsync("api/messages", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, teams.StatusCode);
        // Its readiness is the gateway's: never connected here, so never ready.
        using var ready = await host.Client.GetAsync("readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task The_default_role_still_runs_everything_in_one_process()
    {
        await using var host = await RealHost.StartAsync();

        Assert.Equal(HostRole.All, host.Services.GetRequiredService<HostRoleOptions>().Role);
        using var page = await host.Client.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task The_shutdown_timeout_comes_from_the_setting_the_manifests_set()
    {
        // deploy/k8s sets shutdownTimeoutSeconds below terminationGracePeriodSeconds; the host must honour that key.
        await using var host = await RealHost.StartAsync("--shutdownTimeoutSeconds=7");

        Assert.Equal(TimeSpan.FromSeconds(7), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Theory]
    [InlineData("web", HostRole.Web)]
    [InlineData("Gateway", HostRole.Gateway)]
    [InlineData(" ALL ", HostRole.All)]
    [InlineData("", HostRole.All)]
    public void A_role_is_read_by_name_in_any_case(string value, HostRole expected)
    {
        var configuration = Configuration(("Host:Role", value), ("Discord:BotToken", "token"));

        Assert.Equal(expected, HostRoleOptions.Read(configuration).Role);
    }

    [Theory]
    [InlineData("worker")]
    [InlineData("1")]
    [InlineData("web,gateway")]
    public void An_unknown_role_is_a_configuration_error_naming_the_key(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => HostRoleOptions.Read(Configuration(("Host:Role", value))));

        Assert.Equal("Host:Role must be all, web or gateway.", Assert.Single(error.Failures));
    }

    [Fact]
    public void A_gateway_role_without_a_bot_token_is_a_configuration_error()
    {
        var error = Assert.Throws<OptionsValidationException>(() => HostRoleOptions.Read(Configuration(("Host:Role", "gateway"))));

        Assert.StartsWith("Host:Role gateway needs Discord:BotToken", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static async Task WaitForStatusAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode == expected)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} still answered {response.StatusCode} after 30 s");
            await Task.Delay(50);
        }
    }
}
