using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace SkinBot.Host.Tests.Hosting;

public sealed class ListenUrlsTests
{
    [Fact]
    public void With_nothing_set_the_host_listens_on_localhost_5080()
    {
        var configuration = Configuration();

        Assert.Equal(ListenSource.Default, ListenUrls.SourceOf(configuration));
        Assert.Equal("http://localhost:5080", ListenUrls.DefaultUrl);
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:8080")] // --urls, ASPNETCORE_URLS, DOTNET_URLS and a Urls key all arrive as this
    [InlineData("Urls", "http://+:80")]
    public void A_urls_setting_decides(string key, string value) =>
        Assert.Equal(ListenSource.Urls, ListenUrls.SourceOf(Configuration((key, value))));

    [Theory]
    [InlineData("http_ports", "8080")] // ASPNETCORE_HTTP_PORTS and DOTNET_HTTP_PORTS
    [InlineData("HTTP_PORTS", "8080")] // the unprefixed variable, read from the plain environment
    [InlineData("https_ports", "8443")]
    public void A_ports_setting_decides(string key, string value) =>
        Assert.Equal(ListenSource.Ports, ListenUrls.SourceOf(Configuration((key, value))));

    [Fact]
    public void Kestrel_endpoints_decide_even_when_urls_are_set_because_Kestrel_prefers_them()
    {
        var configuration = Configuration(("Kestrel:Endpoints:Web:Url", "http://0.0.0.0:8080"), ("urls", "http://localhost:1234"));

        Assert.Equal(ListenSource.KestrelEndpoints, ListenUrls.SourceOf(configuration));
    }

    [Fact]
    public void A_blank_urls_setting_is_no_setting()
    {
        Assert.Equal(ListenSource.Default, ListenUrls.SourceOf(Configuration(("urls", " "), ("http_ports", ""))));
    }

    [Fact]
    public void The_default_is_applied_only_when_nothing_else_is_set()
    {
        var unset = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        var set = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--urls=http://127.0.0.1:1234"] });
        ClearListenSettings(unset.Configuration);

        ListenUrls.Apply(ListenUrls.Plan(unset.Configuration), unset.Configuration, unset.WebHost);
        ListenUrls.Apply(ListenUrls.Plan(set.Configuration), set.Configuration, set.WebHost);

        Assert.Equal("http://localhost:5080", unset.Configuration[WebHostDefaults.ServerUrlsKey]);
        Assert.Equal("http://127.0.0.1:1234", set.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Fact]
    public void A_management_listener_is_added_beside_the_urls_the_platform_gave()
    {
        var builder = Builder(("urls", "http://0.0.0.0:8080"), ("Operations:ManagementUrls", "http://0.0.0.0:9090"));

        var plan = ListenUrls.Plan(builder.Configuration);
        ListenUrls.Apply(plan, builder.Configuration, builder.WebHost);

        Assert.Equal(["http://0.0.0.0:8080"], plan.PublicUrls);
        Assert.Equal("http://0.0.0.0:8080;http://0.0.0.0:9090", builder.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Fact]
    public void A_management_listener_is_added_beside_the_default_when_nothing_else_is_set()
    {
        var builder = Builder(("Operations:ManagementUrls", "http://127.0.0.1:9090"));

        ListenUrls.Apply(ListenUrls.Plan(builder.Configuration), builder.Configuration, builder.WebHost);

        Assert.Equal("http://localhost:5080;http://127.0.0.1:9090", builder.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Fact]
    public void Ports_are_read_as_the_web_host_reads_them_so_a_management_listener_can_join_them()
    {
        var builder = Builder(("http_ports", "8080;8081"), ("https_ports", "8443"), ("Operations:ManagementUrls", "http://0.0.0.0:9090"));

        var plan = ListenUrls.Plan(builder.Configuration);
        ListenUrls.Apply(plan, builder.Configuration, builder.WebHost);

        Assert.Equal(["http://*:8080", "http://*:8081", "https://*:8443"], plan.PublicUrls);
        Assert.Equal([8080, 8081, 8443], plan.PublicPorts().Order());
        Assert.Equal("http://*:8080;http://*:8081;https://*:8443;http://0.0.0.0:9090", builder.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Fact]
    public void With_Kestrel_endpoints_the_management_listener_becomes_another_endpoint()
    {
        var builder = Builder(("Kestrel:Endpoints:Web:Url", "http://0.0.0.0:8080"), ("Operations:ManagementUrls", "http://0.0.0.0:9090"));

        var plan = ListenUrls.Plan(builder.Configuration);
        ListenUrls.Apply(plan, builder.Configuration, builder.WebHost);

        Assert.Equal(ListenSource.KestrelEndpoints, plan.Source);
        Assert.Equal([8080], plan.PublicPorts());
        Assert.Equal("http://0.0.0.0:9090", builder.Configuration["Kestrel:Endpoints:SkinBotManagement0:Url"]);
        Assert.Null(builder.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://unix:/run/skinbot.sock")]
    [InlineData("http://0.0.0.0:9090/ops")]
    [InlineData("ftp://0.0.0.0:9090")]
    [InlineData("not a url")]
    public void A_management_url_without_a_port_of_its_own_is_not_bound(string url)
    {
        var plan = ListenUrls.Plan(Configuration(("Operations:ManagementUrls", url)));

        Assert.Empty(plan.ManagementUrls);
    }

    [Fact]
    public void The_shipped_appsettings_json_does_not_choose_the_address()
    {
        // A Urls key there would outrank ASPNETCORE_URLS (appsettings.json is read after ASPNETCORE_ variables).
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();

        Assert.Equal(ListenSource.Default, ListenUrls.SourceOf(shipped));
    }

    private static WebApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        ClearListenSettings(builder.Configuration);
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder;
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    /// <summary>The test runner's own environment may carry listen settings; this test is about SkinBot's default.</summary>
    private static void ClearListenSettings(IConfigurationBuilder configuration) =>
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WebHostDefaults.ServerUrlsKey] = null,
            [WebHostDefaults.HttpPortsKey] = null,
            [WebHostDefaults.HttpsPortsKey] = null,
        });
}
