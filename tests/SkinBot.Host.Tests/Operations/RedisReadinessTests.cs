using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace SkinBot.Host.Tests.Operations;

public sealed class RedisReadinessTests
{
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task With_Redis_configured_but_unreachable_the_host_answers_but_is_not_ready()
    {
        await using var host = await RealHost.StartAsync(
            RealHost.NotReadySetting,
            $"--Redis:Configuration=127.0.0.1:{ClosedPort()},connectTimeout=200");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonElement report;
        HttpStatusCode status;
        do
        {
            using var ready = await host.Client.GetAsync("readyz");
            status = ready.StatusCode;
            report = await ready.Content.ReadFromJsonAsync<JsonElement>();
            var index = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "index");
            if (index.GetProperty("status").GetString() == "Healthy")
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        using var live = await host.Client.GetAsync("healthz");
        using var answer = await host.Client.PostAsJsonAsync("api/chat", new { text = "what are boxcar scars?", conversationId = "redis-down" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains(report.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "redis" && c.GetProperty("status").GetString() == "Unhealthy");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("boxcar", await answer.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_Redis_configured_readiness_has_no_redis_check()
    {
        await using var host = await RealHost.StartAsync();

        using var ready = await host.Client.GetAsync("readyz");
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();

        Assert.DoesNotContain(report.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "redis");
    }
}
