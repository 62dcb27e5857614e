using System.Diagnostics;
using OpenTelemetry;

namespace SkinBot.Host.Operations;

/// <summary>
/// Last line before the exporter: every ending span, whatever source made it, has its URL tags and name redacted,
/// so an instrumentation added later cannot leak a token the enrich callbacks do not know about.
/// </summary>
internal sealed class UrlRedactingProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data) => SpanUrlRedaction.Redact(data);
}
