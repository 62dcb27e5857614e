using SkinBot.Core.Domain;
using SkinBot.Core.Text;

namespace SkinBot.Core.Safety;

/// <summary>
/// safety.yml's <c>after_medical</c>: how SkinBot reads the next messages after a go-to-care reply of a medical tier.
/// "the doctor's is closed till monday, can i just put sudocrem on it" names no sign of its own, and read alone it
/// would get the list of what SkinBot covers; after "this needs a doctor today" it still needs that advice. A message
/// there that neither says it has been dealt with (<see cref="SafeSigns"/>: seen, told it is fine, going now) nor asks
/// about skin gets that tier's reply again, led by this section's <c>lead</c> (<see cref="NoWordOfCare"/>).
/// </summary>
public sealed class AfterMedicalReading
{
    private readonly PhraseSet _safePhrases;

    private readonly IReadOnlyDictionary<Urgency, SafetyTier> _tiers;

    internal AfterMedicalReading(IReadOnlyDictionary<Urgency, SafetyTier> tiers, IReadOnlyList<SafetySign> safeSigns)
    {
        _tiers = tiers;
        SafeSigns = safeSigns;
        _safePhrases = new PhraseSet(safeSigns.SelectMany(s => s.AllPhrases).Distinct(StringComparer.Ordinal));
    }

    /// <summary>The sign named when a message after a medical reply shows no sign of its own, says nothing was done and is not about skin.</summary>
    public static SafetySign NoWordOfCare { get; } = new(
        "no-word-of-care-yet",
        "after a go-to-care reply, a message that neither says it has been seen to nor asks about skin",
        [],
        [],
        0,
        []);

    /// <summary>Signs that it has been dealt with: seen or on the way, told it is fine by someone who looked, or thanks and going.</summary>
    public IReadOnlyList<SafetySign> SafeSigns { get; }

    /// <summary>The tier as this reading replies: its own reply, led by the section's lead.</summary>
    public SafetyTier this[Urgency urgency] => _tiers[urgency];

    /// <summary>Whether the words say it has been dealt with ("the gp gave me antibiotics", "ok going now").</summary>
    internal bool ShowsCare(IReadOnlyList<string> surfaceWords, IReadOnlySet<string> negations) =>
        SafetySign.FirstShown(SafeSigns, new SafetyMatches(_safePhrases, surfaceWords), _tiers.Values.First(), negations) is not null;
}
