using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Teams.Auth;
using SkinBot.Teams.Tests.Fakes;

namespace SkinBot.Teams.Tests;

public sealed class OptionsTests
{
    private static TeamsOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSkinBotTeams(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<TeamsOptions>>().Value;
    }

    private static Dictionary<string, string?> Valid() => new()
    {
        ["Teams:MicrosoftAppId"] = TeamsTestHost.AppId,
        ["Teams:MicrosoftAppPassword"] = "secret",
        ["Teams:MicrosoftAppTenantId"] = FakeTokenEndpoint.Tenant,
    };

    [Fact]
    public void Defaults_follow_the_bot_framework()
    {
        var options = Bind(Valid());

        Assert.Equal(TeamsAppType.SingleTenant, options.MicrosoftAppType);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ClockSkew);
        Assert.Equal("/api/messages", options.MessagingPath);
        Assert.True(options.Enabled);
    }

    [Fact]
    public void No_app_id_is_valid_and_disables_the_adapter() =>
        Assert.False(Bind([]).Enabled);

    [Fact]
    public void A_managed_identity_is_rejected_with_a_clear_message()
    {
        var settings = Valid();
        settings["Teams:MicrosoftAppType"] = "UserAssignedMSI";

        var error = Assert.Throws<OptionsValidationException>(() => Bind(settings));

        Assert.Contains("UserAssignedMSI is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_tenant_bot_needs_its_tenant()
    {
        var settings = Valid();
        settings.Remove("Teams:MicrosoftAppTenantId");

        var error = Assert.Throws<OptionsValidationException>(() => Bind(settings));

        Assert.Contains("Teams:MicrosoftAppTenantId is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_id_without_a_secret_is_rejected_without_echoing_anything_secret()
    {
        var settings = Valid();
        settings.Remove("Teams:MicrosoftAppPassword");

        var error = Assert.Throws<OptionsValidationException>(() => Bind(settings));

        Assert.Contains("SKINBOT__Teams__MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("not a url")]
    public void Metadata_must_come_over_https_unless_it_is_a_loopback_test_server(string url)
    {
        var settings = Valid();
        settings["Teams:OpenIdMetadataUrl"] = url;

        Assert.Throws<OptionsValidationException>(() => Bind(settings));
    }

    [Fact]
    public void The_compose_deadline_must_stay_under_five_seconds()
    {
        var settings = Valid();
        settings["Teams:ComposeExtensionTimeout"] = "00:00:05";

        Assert.Throws<OptionsValidationException>(() => Bind(settings));
    }

    [Theory]
    [InlineData("SingleTenant", null, "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555")]
    [InlineData("MultiTenant", null, "https://login.microsoftonline.com/botframework.com")]
    [InlineData("SingleTenant", "https://127.0.0.1:8443/tenant-x/oauth2/v2.0/token", "https://127.0.0.1:8443/tenant-x")]
    [InlineData("SingleTenant", "https://login.example.test/tenant-y/", "https://login.example.test/tenant-y")]
    public void The_outbound_authority_depends_on_the_app_type_and_can_be_overridden(string appType, string? tokenEndpoint, string authority)
    {
        var options = new TeamsOptions
        {
            MicrosoftAppType = Enum.Parse<TeamsAppType>(appType),
            MicrosoftAppTenantId = FakeTokenEndpoint.Tenant,
            TokenEndpoint = tokenEndpoint,
        };

        Assert.Equal(authority, MsalBotTokenProvider.AuthorityFor(options));
    }

    [Fact]
    public void Sends_have_short_deadlines_and_a_share_per_connector_address_by_default()
    {
        var options = Bind(Valid());

        Assert.Equal(TimeSpan.FromSeconds(10), options.SendTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), options.SendDeadline);
        Assert.Equal(4, options.MaxConcurrentSendsPerServiceUrl);
        Assert.Equal(256, options.MaxPendingPerServiceUrl);
        Assert.False(options.AllowLoopbackHttpServiceUrls);
    }

    [Theory]
    [InlineData("Teams:SendDeadline", "00:00:00", "Teams:SendDeadline must be a positive time span")]
    [InlineData("Teams:SendTimeout", "00:02:00", "Teams:SendTimeout must not be longer than Teams:SendDeadline")]
    [InlineData("Teams:MaxConcurrentSendsPerServiceUrl", "0", "Teams:MaxConcurrentSendsPerServiceUrl must be positive")]
    [InlineData("Teams:MaxPendingPerServiceUrl", "-1", "Teams:MaxPendingPerServiceUrl must be positive")]
    public void Send_limits_are_validated_at_start(string key, string value, string message)
    {
        var settings = Valid();
        settings[key] = value;

        var error = Assert.Throws<OptionsValidationException>(() => Bind(settings));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_never_print_their_secret()
    {
        var options = Bind(Valid());

        Assert.DoesNotContain("secret", options.ToString() ?? string.Empty, StringComparison.Ordinal);
    }
}

public sealed class DisabledAdapterTests
{
    [Fact]
    public async Task Without_an_app_id_the_endpoint_is_404_and_the_host_says_so_once()
    {
        await using var host = await TeamsTestHost.StartAsync(s =>
        {
            s["Teams:MicrosoftAppId"] = null;
            s["Teams:MicrosoftAppPassword"] = null;
        });

        using var first = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "hi"));
        using var second = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "hi", "2"));

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Teams adapter disabled", StringComparison.Ordinal));
        Assert.Empty(host.Engine.Requests);
        Assert.Equal(0, host.OpenId.MetadataFetches);
    }

    [Fact]
    public async Task With_an_app_id_the_host_logs_how_it_authenticates_but_not_the_secret()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var line = Assert.Single(host.Logs.Entries, e => e.Message.StartsWith("Teams adapter listening", StringComparison.Ordinal));
        Assert.Contains(TeamsTestHost.AppId, line.Message, StringComparison.Ordinal);
        Assert.Contains(host.Tokens.Authority, line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(TeamsTestHost.AppPassword, StringComparison.Ordinal));
    }
}
