using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;
using SkinBot.Testing;

namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// The real host with trace export on (an OTLP endpoint nobody listens on) and, beside that exporter, an in-memory one
/// that sees each span exactly as the OTLP one does; every log line of every category is captured at Trace. A fake
/// remote server on 127.0.0.1 answers whatever the host's HTTP clients send.
/// </summary>
public sealed class TracedHost : IAsyncLifetime
{
    private RealHost? _host;
    private FakeRemoteServer? _remote;

    internal RealHost Host => _host ?? throw new InvalidOperationException("Not started.");

    internal FakeRemoteServer Remote => _remote ?? throw new InvalidOperationException("Not started.");

    internal ExportedSpans Spans { get; } = new();

    internal LogCapture Logs { get; } = new();

    /// <summary>Every client name SkinBot configures (Discord REST, the Teams token, metadata and connector clients).</summary>
    internal IReadOnlyList<string> SkinBotClientNames =>
    [
        .. Host.Services.GetServices<IConfigureOptions<HttpClientFactoryOptions>>()
            .OfType<ConfigureNamedOptions<HttpClientFactoryOptions>>()
            .Select(o => o.Name)
            .OfType<string>()
            .Where(name => name.StartsWith("SkinBot.", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    internal HttpClient Client(string name) => Host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    public async Task InitializeAsync()
    {
        _remote = await FakeRemoteServer.StartAsync();
        _host = await RealHost.StartAsync(
            services =>
            {
                // Added after the host's tracing set-up, so like the OTLP exporter it is handed spans after the redacting processor.
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
                services.AddLogging(logging => logging.AddProvider(Logs));
            },
            "--Telemetry:OtlpEndpoint=http://127.0.0.1:9",
            "--Logging:LogLevel:Default=Trace",
            // appsettings.json quiets these two; here every category speaks.
            "--Logging:LogLevel:Microsoft.AspNetCore=Trace",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Trace",
            "--Logging:Console:LogLevel:Default=Warning");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_remote is not null)
        {
            await _remote.DisposeAsync();
        }

        Logs.Dispose();
    }
}
