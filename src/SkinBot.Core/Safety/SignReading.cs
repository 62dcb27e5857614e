namespace SkinBot.Core.Safety;

/// <summary>
/// What the tiers' signs show in one message: the verdict, or, when there is none, the crisis sign whose words
/// showed but one of its look-alikes cancelled ("this acne makes me wanna die lol"), which makes the message a near
/// miss.
/// </summary>
public readonly record struct SignReading(SafetyVerdict? Verdict, SafetyVerdict? CancelledCrisisSign)
{
    public static SignReading Nothing => default;
}
