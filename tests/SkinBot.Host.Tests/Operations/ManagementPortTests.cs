using System.Net;
using Microsoft.Extensions.Options;
using SkinBot.Host.Tests.Hosting;

namespace SkinBot.Host.Tests.Operations;

/// <summary>With <c>Operations:ManagementUrls</c> the real host serves <c>/metrics</c> on that port only (issue 9, item 11).</summary>
public sealed class ManagementPortTests : IAsyncLifetime
{
    private readonly int _publicPort = HostProcess.FreePort();
    private readonly int _managementPort = HostProcess.FreePort();
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private RealHost _host = null!;

    public async Task InitializeAsync() => _host = await RealHost.StartAsync(
        $"--urls=http://127.0.0.1:{_publicPort}",
        $"--Operations:ManagementUrls=http://127.0.0.1:{_managementPort}");

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_answer_on_the_management_port_and_are_404_on_the_public_one_even_from_loopback()
    {
        using var management = await GetAsync(_managementPort, "metrics");
        using var open = await GetAsync(_publicPort, "metrics");

        Assert.Equal(HttpStatusCode.OK, management.StatusCode);
        Assert.Contains("# TYPE", await management.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
    }

    [Theory]
    [InlineData("healthz")]
    [InlineData("readyz")]
    public async Task Health_answers_on_both_ports(string path)
    {
        using var management = await GetAsync(_managementPort, path);
        using var open = await GetAsync(_publicPort, path);

        Assert.Equal(HttpStatusCode.OK, management.StatusCode);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task The_management_port_serves_nothing_but_the_operator_endpoints()
    {
        using var page = await GetAsync(_managementPort, "");
        using var publicPage = await GetAsync(_publicPort, "");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
    }

    [Fact]
    public async Task A_management_port_the_public_listener_also_uses_stops_the_host_naming_the_key()
    {
        var port = HostProcess.FreePort();
        await using var app = SkinBotHost.Build(
        [
            $"--urls=http://127.0.0.1:{port}",
            $"--Operations:ManagementUrls=http://0.0.0.0:{port}",
            "--Engine:InMemoryIndex=true",
            "--Engine:WatchCorpus=false",
        ]);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Operations:ManagementUrls must use ports the public listener does not use", failure.Message, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> GetAsync(int port, string path) => _client.GetAsync(new Uri($"http://127.0.0.1:{port}/{path}"));
}
