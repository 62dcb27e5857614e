using System.Net;
using SkinBot.Host.Tests.Hosting;

namespace SkinBot.Redis.Tests.Fleet;

/// <summary>One SkinBot pod: the built host in a process of its own, serving HTTP on its own port and running its gateway ordinal.</summary>
internal sealed class ReplicaProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private HostProcess _process;

    private ReplicaProcess(int ordinal, int port, IReadOnlyDictionary<string, string> environment)
    {
        Ordinal = ordinal;
        Port = port;
        _environment = environment;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        _process = HostProcess.Start(environment);
    }

    public int Ordinal { get; }

    public int Port { get; }

    public HttpClient Client { get; }

    public string Output => _process.Stdout + _process.Stderr;

    public static ReplicaProcess Start(int ordinal, IReadOnlyDictionary<string, string> shared)
    {
        var port = HostProcess.FreePort();
        var environment = new Dictionary<string, string>(shared)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["SKINBOT__Discord__GatewayOrdinal"] = ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return new ReplicaProcess(ordinal, port, environment);
    }

    public Task<bool> ReadyAsync() => _process.AnswersAsync(new Uri(Client.BaseAddress!, "/readyz"));

    public async Task<HttpStatusCode> ReadinessAsync()
    {
        using var response = await Client.GetAsync("/readyz");
        return response.StatusCode;
    }

    /// <summary>SIGKILL, as when a node dies: nothing is drained, released or saved on the way out.</summary>
    public async Task KillAsync() => await _process.DisposeAsync();

    /// <summary>The StatefulSet's replacement: the same ordinal and settings in a new process.</summary>
    public void Restart() => _process = HostProcess.Start(_environment);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _process.DisposeAsync();
    }
}
