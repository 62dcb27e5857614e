using SkinBot.Core.Domain;

namespace SkinBot.Core.Safety;

/// <summary>
/// The most urgent sign a message shows: its tier, the named sign, and the words that showed it. <see
/// cref="CrisisReading"/> is set when the tier is not crisis but a clause of the message also read like a crisis by
/// meaning: the reply for the sign stands, with the crisis lines added. <see cref="GaveWay"/> names the more urgent
/// sign that showed too but yields to this one (safety.yml <c>yields_to</c>), for --explain.
/// </summary>
public sealed record SafetyVerdict(SafetyTier Tier, SafetySign Sign, string MatchedWords, string? CrisisReading = null, SafetySign? GaveWay = null)
{
    public Urgency Urgency => Tier.Urgency;
}
