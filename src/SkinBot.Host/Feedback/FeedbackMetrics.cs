using System.Diagnostics;
using System.Diagnostics.Metrics;
using SkinBot.Core.Feedback;
using SkinBot.Host.Operations;

namespace SkinBot.Host.Feedback;

/// <summary>
/// Feedback instruments on meter <c>SkinBot.Host</c>; in Prometheus <c>skinbot_feedback_votes_total{intent,vote}</c>
/// and <c>skinbot_feedback_writes_dropped_total{kind,cause}</c> (cause: queue_full or store_error).
/// </summary>
internal sealed class FeedbackMetrics
{
    public const string QueueFull = "queue_full";
    public const string StoreError = "store_error";

    private readonly Counter<long> _votes;
    private readonly Counter<long> _dropped;

    public FeedbackMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(SkinBotTelemetry.HostMeterName);
        _votes = meter.CreateCounter<long>("skinbot.feedback.votes", "{vote}", "Votes on answers, by the answer's intent and the vote.");
        _dropped = meter.CreateCounter<long>("skinbot.feedback.writes.dropped", "{write}", "Feedback writes lost (queue full or database unavailable), by kind (answer or vote) and cause.");
    }

    public void RecordVote(string intent, Vote vote) =>
        _votes.Add(1, new TagList { { "intent", intent }, { "vote", vote.ToName() } });

    public void RecordDropped(string kind, string cause, int count) =>
        _dropped.Add(count, new TagList { { "kind", kind }, { "cause", cause } });
}
