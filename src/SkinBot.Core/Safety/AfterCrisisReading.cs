namespace SkinBot.Core.Safety;

/// <summary>
/// safety.yml's <c>after_crisis</c>: how SkinBot reads the next messages of a conversation that just got the crisis
/// reply. "i mean it", "already did", "nobody picks up" or "im not in america" say nothing on their own and say
/// everything after "I don't want to wake up tomorrow", so they are read only there, and they get a reply that
/// answers them (<see cref="Tier"/>: the crisis tier's caveat and sources with this section's headline and message).
/// Whatever the wording, a message there that neither says they are safe now (<see cref="ShowsSafety"/>) nor asks about
/// skin gets that reply too (<see cref="NoWordOfSafety"/>): "its loaded", "next one comes in 5 min" and "take care"
/// name no sign, and after a crisis reply the danger is assumed to go on until the person says otherwise.
/// </summary>
public sealed class AfterCrisisReading
{
    private readonly SafetySignGroup _signs;

    private readonly SafetySignGroup _safeSigns;

    private readonly SafetySignGroup _takingBack;

    internal AfterCrisisReading(SafetyTier tier, IReadOnlyList<SafetySign> signs, IReadOnlyList<SafetySign> safeSigns, IReadOnlyList<SafetySign> takingBack)
    {
        Tier = tier;
        _signs = new SafetySignGroup(signs);
        _safeSigns = new SafetySignGroup(safeSigns);
        _takingBack = new SafetySignGroup(takingBack);
    }

    /// <summary>The sign named when a message after the crisis reply shows no sign of either kind and is not about skin.</summary>
    public static SafetySign NoWordOfSafety { get; } = new(
        "no-word-of-safety-yet",
        "after the crisis reply, a message that neither says they are safe now nor asks about skin",
        [],
        [],
        0,
        []);

    /// <summary>Signs that say the person is safe now: they called or told someone, are not alone, or were quoting.</summary>
    public IReadOnlyList<SafetySign> SafeSigns => _safeSigns.Signs;

    /// <summary>
    /// Signs that take back the crisis words of the very message they are in ("lol no im not gonna off myself, i meant
    /// my chem grade", "thats just how we talk"): said after the crisis reply, they outrank a tier's crisis sign, though
    /// never an after-crisis danger sign ("im not joking"). They also say the person is safe now.
    /// </summary>
    public IReadOnlyList<SafetySign> TakingBack => _takingBack.Signs;

    /// <summary>The crisis tier as this reading replies: its own headline and message, the tier's caveat and sources.</summary>
    public SafetyTier Tier { get; }

    public IReadOnlyList<SafetySign> Signs => _signs.Signs;

    /// <summary>The first sign the words show, in file order, or null. Like every crisis sign, none is negatable.</summary>
    internal SafetyVerdict? Find(IReadOnlyList<string> surfaceWords, IReadOnlySet<string> unlessNegations) =>
        _signs.FirstShown(surfaceWords, Tier, unlessNegations);

    /// <summary>Whether the words show a safe sign ("i called them", "my husband is home with me").</summary>
    internal bool ShowsSafety(IReadOnlyList<string> surfaceWords, IReadOnlySet<string> unlessNegations) =>
        _safeSigns.FirstShown(surfaceWords, Tier, unlessNegations) is not null
        || TakesBack(surfaceWords, unlessNegations);

    /// <summary>Whether the words take back their own crisis words ("not actually suicidal, its just how we talk").</summary>
    internal bool TakesBack(IReadOnlyList<string> surfaceWords, IReadOnlySet<string> unlessNegations) =>
        _takingBack.FirstShown(surfaceWords, Tier, unlessNegations) is not null;
}
