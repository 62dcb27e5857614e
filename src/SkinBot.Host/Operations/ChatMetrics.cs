using System.Diagnostics;
using System.Diagnostics.Metrics;
using SkinBot.Core.Domain;
using SkinBot.Core.Turns;

namespace SkinBot.Host.Operations;

/// <summary>
/// The host's instruments on meter <c>SkinBot.Host</c>. In Prometheus they appear as
/// <c>skinbot_answers_total</c>, <c>skinbot_answers_low_confidence_total</c>, <c>skinbot_answer_duration_seconds</c>,
/// <c>skinbot_messages_rate_limited_total</c>, <c>skinbot_messages_too_long_total</c> and
/// <c>skinbot_messages_urgent_past_limit_total</c>.
/// </summary>
internal sealed class ChatMetrics
{
    private readonly Counter<long> _answers;
    private readonly Counter<long> _lowConfidence;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _tooLong;
    private readonly Counter<long> _urgentPastLimit;

    public ChatMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(SkinBotTelemetry.HostMeterName);
        _answers = meter.CreateCounter<long>("skinbot.answers", "{answer}", "Answers sent, by platform and intent.");
        _lowConfidence = meter.CreateCounter<long>("skinbot.answers.low_confidence", "{answer}", "Answers where SkinBot was not sure and offered the nearest topics.");
        _duration = meter.CreateHistogram(
            "skinbot.answer.duration",
            "s",
            "Time from a message reaching the engine to its answer, by platform and intent.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SkinBotTelemetry.SecondsBuckets });
        _rateLimited = meter.CreateCounter<long>("skinbot.messages.rate_limited", "{message}", "Messages refused by an abuse limit, by platform, scope (user or channel) and reply (notice or suppressed).");
        _tooLong = meter.CreateCounter<long>("skinbot.messages.too_long", "{message}", "Messages over the length cap, by platform.");
        _urgentPastLimit = meter.CreateCounter<long>("skinbot.messages.urgent_past_limit", "{message}", "Messages a limit would have refused but answered because they show an urgent sign, by platform and limit (rate or length).");
    }

    /// <summary>
    /// One turn, by the intent of what was shown (a notice counts under its outcome's name). A repeated rate-limit notice
    /// is timed but not counted as an answer: on most doors nothing is sent for it.
    /// </summary>
    public void RecordTurn(string platform, TurnResult result, TimeSpan elapsed)
    {
        var reply = result.Reply;
        var tags = new TagList { { "platform", platform }, { "intent", reply.Intent } };
        _duration.Record(elapsed.TotalSeconds, tags);
        if (result is TurnResult.RateLimited { AlreadyTold: true })
        {
            return;
        }

        _answers.Add(1, tags);
        if (reply.LowConfidence)
        {
            _lowConfidence.Add(1, tags);
        }
    }

    public void RecordRateLimited(string platform, LimitScope scope, bool alreadyTold) =>
        _rateLimited.Add(1, new TagList { { "platform", platform }, { "scope", scope.ToName() }, { "reply", alreadyTold ? "suppressed" : "notice" } });

    public void RecordTooLong(string platform) => _tooLong.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void RecordUrgentPastLimit(string platform, string limit) =>
        _urgentPastLimit.Add(1, new TagList { { "platform", platform }, { "limit", limit } });
}
