namespace SkinBot.Core.Safety;

/// <summary>Where a tier's advice comes from, so a reviewer can check every sentence of it.</summary>
public sealed record SafetySource(string Title, string Publisher, Uri Url, DateOnly Retrieved);
