using SkinBot.Core.Domain;

namespace SkinBot.Core.Safety;

/// <summary>The most urgent sign a message shows: its tier, the named sign, and the words that showed it.</summary>
public sealed record SafetyVerdict(SafetyTier Tier, SafetySign Sign, string MatchedWords)
{
    public Urgency Urgency => Tier.Urgency;
}
