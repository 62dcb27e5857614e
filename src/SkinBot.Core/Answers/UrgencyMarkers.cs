using SkinBot.Core.Domain;

namespace SkinBot.Core.Answers;

/// <summary>
/// The symbol each platform puts before a go-to-care headline, so the tier is visible at a glance in a busy
/// channel. Crisis gets a warm symbol, not an alarm: the person needs to feel heard, not shouted at.
/// </summary>
public static class UrgencyMarkers
{
    public static string? For(Urgency urgency) => urgency switch
    {
        Urgency.Crisis => "💙",
        Urgency.Emergency => "🚨",
        Urgency.Infection => "⚠️",
        Urgency.SeeDoctorSoon => "🩺",
        _ => null,
    };

    /// <summary>The headline with the tier's marker in front, or unchanged for an ordinary answer.</summary>
    public static string Headline(Answer answer) =>
        For(answer.Urgency) is { } marker ? $"{marker} {answer.Headline}" : answer.Headline;
}
