namespace SkinBot.Host.Operations;

/// <summary>
/// Who may reach the operator surface (configuration section <c>Operations</c>). <c>/healthz</c> and <c>/readyz</c> answer
/// everyone, on every port, so probes work; <c>/metrics</c> describes the service and its traffic, so it is not public.
/// </summary>
public sealed class OperationsOptions
{
    public const string SectionName = "Operations";

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/8</c>) that may read <c>/metrics</c> on the public port besides
    /// loopback, e.g. the Prometheus server. Not used when <see cref="ManagementUrls"/> is set.
    /// </summary>
    public IList<string> MetricsAllowedNetworks { get; } = [];

    /// <summary>
    /// A listener of its own for the operator surface, written like <c>Urls</c> (<c>http://0.0.0.0:9090</c>, several
    /// separated by <c>;</c>). When set, <c>/metrics</c> is served there, to whoever reaches that port, and nowhere else;
    /// that port serves nothing but the operator endpoints.
    /// </summary>
    public string? ManagementUrls { get; set; }
}
