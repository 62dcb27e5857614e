namespace SkinBot.Host.Operations;

/// <summary>Endpoint metadata marking the operator surface, which <see cref="OperatorSurfaceGate"/> guards.</summary>
internal sealed class OperatorEndpoint
{
    public static readonly OperatorEndpoint Health = new(isMetrics: false);

    public static readonly OperatorEndpoint Metrics = new(isMetrics: true);

    private OperatorEndpoint(bool isMetrics) => IsMetrics = isMetrics;

    public bool IsMetrics { get; }
}
