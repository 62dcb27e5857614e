namespace SkinBot.Host.Operations;

/// <summary>Trace export (configuration section <c>Telemetry</c>). Without an endpoint no traces leave the process.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>OTLP collector address; falls back to the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (default, usually port 4317) or <c>http/protobuf</c> (usually port 4318, full path to <c>/v1/traces</c>).</summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>Name reported as <c>service.name</c>.</summary>
    public string ServiceName { get; set; } = "skinbot";
}
