namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// Tests that build a tracer provider with HTTP instrumentation. Such a provider listens to every HTTP request in the
/// process, so two alive at once would enrich each other's spans and a test could pass on the other's work.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TracingCollection
{
    public const string Name = "Tracing";
}
