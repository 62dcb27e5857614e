using System.Diagnostics.Metrics;

namespace SkinBot.Teams;

/// <summary>Counters of the Teams adapter on the "SkinBot.Teams" meter.</summary>
internal sealed class TeamsMetrics
{
    public const string MeterName = "SkinBot.Teams";

    private readonly Counter<long> _received;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _authFailures;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _sendFailures;

    public TeamsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>("skinbot.teams.activities.received", "{activity}", "Authenticated activities received, by type");
        _duplicates = meter.CreateCounter<long>("skinbot.teams.activities.duplicates", "{activity}", "Redelivered activities dropped");
        _authFailures = meter.CreateCounter<long>("skinbot.teams.auth.failures", "{request}", "Requests rejected by token or activity checks, by reason");
        _sent = meter.CreateCounter<long>("skinbot.teams.replies.sent", "{activity}", "Activities sent to the connector service, by kind");
        _throttled = meter.CreateCounter<long>("skinbot.teams.send.throttled", "{response}", "429 responses from the connector service");
        _retries = meter.CreateCounter<long>("skinbot.teams.send.retries", "{attempt}", "Retried connector calls");
        _sendFailures = meter.CreateCounter<long>("skinbot.teams.send.failures", "{activity}", "Activities that could not be delivered");
    }

    public void Received(string? activityType) => _received.Add(1, new KeyValuePair<string, object?>("type", Normalize(activityType)));

    public void Duplicate() => _duplicates.Add(1);

    public void AuthFailure(string reason) => _authFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Sent(string kind) => _sent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Throttled() => _throttled.Add(1);

    public void Retry() => _retries.Add(1);

    public void SendFailure(string kind) => _sendFailures.Add(1, new KeyValuePair<string, object?>("kind", kind));

    // Activity types are a closed vocabulary; anything else collapses so a sender cannot blow up tag cardinality.
    private static string Normalize(string? type) => type switch
    {
        "message" or "conversationUpdate" or "invoke" or "messageReaction" or "installationUpdate"
            or "typing" or "event" or "messageUpdate" or "messageDelete" or "endOfConversation" => type,
        _ => "other",
    };
}
