using System.Diagnostics.Metrics;

namespace SkinBot.Discord;

/// <summary>Counters on the "SkinBot.Discord" meter, exported by the host with every "SkinBot.*" meter.</summary>
internal sealed class DiscordMetrics
{
    public const string MeterName = "SkinBot.Discord";

    public DiscordMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        Reconnects = meter.CreateCounter<long>("skinbot.discord.gateway.reconnects", description: "Gateway connections re-opened after a drop, RECONNECT or invalid session.");
        Resumes = meter.CreateCounter<long>("skinbot.discord.gateway.resumes", description: "RESUME payloads sent.");
        Identifies = meter.CreateCounter<long>("skinbot.discord.gateway.identifies", description: "IDENTIFY payloads sent (Discord allows 1000 a day).");
        RateLimited = meter.CreateCounter<long>("skinbot.discord.rest.rate_limited", description: "REST responses with status 429.");
        Retries = meter.CreateCounter<long>("skinbot.discord.rest.retries", description: "REST requests retried after a 5xx or network error.");
        MessagesAnswered = meter.CreateCounter<long>("skinbot.discord.messages.answered", description: "Messages and interactions answered.");
        SendFailures = meter.CreateCounter<long>("skinbot.discord.send.failures", description: "Replies that could not be delivered after retries.");
        InteractionsRejected = meter.CreateCounter<long>("skinbot.discord.interactions.rejected", description: "Interaction requests refused before they were read, by reason (bad_signature, body_too_large).");
        InteractionsRepeated = meter.CreateCounter<long>("skinbot.discord.interactions.repeated", description: "Second copies of a signed interaction answered with the response the first copy got; nothing ran again.");
    }

    public Counter<long> Reconnects { get; }

    public Counter<long> Resumes { get; }

    public Counter<long> Identifies { get; }

    public Counter<long> RateLimited { get; }

    public Counter<long> Retries { get; }

    public Counter<long> MessagesAnswered { get; }

    public Counter<long> SendFailures { get; }

    public Counter<long> InteractionsRejected { get; }

    /// <summary>Second copies of an interaction answered with the first copy's response.</summary>
    public Counter<long> InteractionsRepeated { get; }
}
