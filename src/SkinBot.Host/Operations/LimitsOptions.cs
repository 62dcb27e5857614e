using System.ComponentModel.DataAnnotations;

namespace SkinBot.Host.Operations;

/// <summary>
/// Abuse limits applied to every message on every platform (configuration section <c>Limits</c>).
/// Each limit is a token bucket: a full bucket allows a burst of that many messages, then it refills evenly over the minute.
/// </summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>
    /// Messages one person (per platform) may send per minute. The ceiling is as high as the channel's: a load test,
    /// or a web chat behind a proxy that is not trusted to name its clients, is one "person" at thousands a second.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PerUserPermitsPerMinute { get; set; } = 10;

    /// <summary>Messages one channel (a Discord channel, a Teams chat, all of the web chat) may carry per minute.</summary>
    [Range(1, 1_000_000)]
    public int PerChannelPermitsPerMinute { get; set; } = 60;

    /// <summary>Longest message, in characters, that reaches the engine; longer ones get the <c>too_long</c> reply.</summary>
    [Range(1, 100_000)]
    public int MaxMessageLength { get; set; } = 2000;
}
