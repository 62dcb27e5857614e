using SkinBot.Core.Domain;

namespace SkinBot.Core.Safety;

/// <summary>
/// The safety screen's result for one message: the verdict, or null for an ordinary message; and, for an ordinary
/// message outside a crisis conversation, how it came near a crisis reading (for --explain and for the conversation
/// to read the next message against), or null; and what the message named that the next one may call "it" (<see
/// cref="CarriedSubject"/>).
/// </summary>
public sealed record SafetyScreening(SafetyVerdict? Verdict, string? NearMiss = null)
{
    public IReadOnlyList<CarriedSubject> Subjects { get; init; } = [];

    /// <summary>
    /// The tier of a danger the message named only as over (safety.yml <c>told_as_over</c>), then answered as an
    /// ordinary question with the crisis lines beside it; <see cref="Urgency.None"/> otherwise.
    /// </summary>
    public Urgency ToldAsOver { get; init; } = Urgency.None;

    /// <summary>A message that shows no sign and came near none; also what a part of a message already screened as a whole reads.</summary>
    public static SafetyScreening Clear { get; } = new(Verdict: null);
}
