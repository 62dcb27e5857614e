namespace SkinBot.Core.Safety;

/// <summary>A less urgent sign, with its tier, that takes a message from a sign that yields to it.</summary>
internal sealed record YieldTarget(SafetyTier Tier, SafetySign Sign);
