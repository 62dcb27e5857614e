using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SkinBot.Core.Configuration;

namespace SkinBot.Host.Operations;

/// <summary>
/// Registers the operator surface (health, metrics, tracing). The turn pipeline that every message runs through
/// (telemetry, limits, engine) is composed by <see cref="TurnServiceCollectionExtensions.AddSkinBotTurns"/>.
/// </summary>
public static class OperationsExtensions
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";
    public const string MetricsPath = "/metrics";

    /// <summary>Tag that puts a health check into <c>/readyz</c>.</summary>
    public const string ReadyTag = "ready";

    public static IServiceCollection AddSkinBotOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSkinBotLimits(configuration);
        services.AddOptions<TelemetryOptions>()
            .Bind(configuration.GetSection(TelemetryOptions.SectionName))
            .Validate(o => o.OtlpEndpoint is null || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out _), "Telemetry:OtlpEndpoint must be an absolute URI.")
            .Validate(o => o.OtlpProtocol is null or "grpc" or "http/protobuf", "Telemetry:OtlpProtocol must be grpc or http/protobuf.")
            .ValidateOnStart();
        services.AddOptions<OperationsOptions>()
            .Bind(configuration.GetSection(OperationsOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OperationsOptions>, OperationsOptionsValidator>());

        services.AddMetrics();
        services.AddHealthChecks();
        services.TryAddSingleton<RedactedHttpClientLogger>();
        // The factory's own request logs print the whole address, and a Discord webhook address holds the interaction
        // token: every client logs through the redacting logger instead.
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers().AddLogger<RedactedHttpClientLogger>());
        AddOpenTelemetry(services, configuration);
        return services;
    }

    /// <summary>
    /// Maps <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>, and puts <see cref="OperatorSurfaceGate"/> in front of every
    /// endpoint: call it before the other endpoints are mapped.
    /// </summary>
    public static WebApplication UseSkinBotOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<OperatorSurfaceGate>();

        // Liveness runs no checks: a process that can answer HTTP is alive; a missing index is a readiness problem.
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).WithMetadata(OperatorEndpoint.Health);
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).WithMetadata(OperatorEndpoint.Health);
        app.MapPrometheusScrapingEndpoint(MetricsPath).WithMetadata(OperatorEndpoint.Metrics);
        return app;
    }

    /// <summary>Binds and validates <see cref="LimitsOptions"/>; shared by the web chat (its body size bound) and the limits.</summary>
    internal static IServiceCollection AddSkinBotLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<LimitsOptions>)))
        {
            return services;
        }

        services.AddOptions<LimitsOptions>()
            .Bind(configuration.GetSection(LimitsOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LimitsOptions>>(new KeyedDataAnnotationsValidator<LimitsOptions>(LimitsOptions.SectionName)));
        return services;
    }

    private static void AddOpenTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = telemetry.OtlpEndpoint ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var explicitEndpoint = Uri.TryCreate(telemetry.OtlpEndpoint, UriKind.Absolute, out var uri) ? uri : null;

        // One view only: with two, an instrument one of them drops would still be exported by the other.
        services.ConfigureOpenTelemetryMeterProvider((provider, meters) =>
        {
            var ownFactory = provider.GetRequiredService<IMeterFactory>();
            meters.AddView(instrument => MetricStreams.For(instrument, ownFactory));
        });

        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(telemetry.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(SkinBotTelemetry.MeterWildcard)
                // No scrape cache: a scrape right after an answer must show it.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        builder.WithTracing(tracing => tracing
            .AddSource(SkinBotTelemetry.ActivitySourceName, SkinBotTelemetry.ActivitySourceName + ".*")
            .AddAspNetCoreInstrumentation(o =>
            {
                o.Filter = context => !IsOperatorPath(context.Request.Path);
                SpanUrlRedaction.ConfigureAspNetCore(o);
            })
            .AddHttpClientInstrumentation(SpanUrlRedaction.ConfigureHttpClient)
            // Added before the exporter, so the exporter is handed each span only after this redaction.
            .AddProcessor(new UrlRedactingProcessor())
            .AddOtlpExporter(o =>
            {
                if (explicitEndpoint is not null)
                {
                    o.Endpoint = explicitEndpoint;
                }

                if (telemetry.OtlpProtocol == "http/protobuf")
                {
                    o.Protocol = OtlpExportProtocol.HttpProtobuf;
                }
            }));
    }

    private static bool IsOperatorPath(PathString path) =>
        path.StartsWithSegments(LivenessPath) || path.StartsWithSegments(ReadinessPath) || path.StartsWithSegments(MetricsPath);
}
