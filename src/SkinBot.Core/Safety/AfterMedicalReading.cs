using SkinBot.Core.Domain;
using SkinBot.Core.Text;

namespace SkinBot.Core.Safety;

/// <summary>
/// safety.yml's <c>after_medical</c>: how SkinBot reads the next messages after a go-to-care reply of a medical tier.
/// "the doctor's is closed till monday, can i just put sudocrem on it" names no sign of its own, and read alone it
/// would get the list of what SkinBot covers; after "this needs a doctor today" it still needs that advice. A message
/// there that says it is still needed (<see cref="StillNeeds"/>: put off, barred, hidden), or that neither says it has
/// been dealt with (<see cref="SafeSigns"/>: seen, told it is fine, going now) nor asks about scars, gets that tier's
/// reply again, led by this section's <c>lead</c> (<see cref="NoWordOfCare"/>).
/// </summary>
public sealed class AfterMedicalReading
{
    private static readonly IReadOnlySet<string> NoNegations = new HashSet<string>();

    private readonly PhraseSet _safePhrases;

    private readonly PhraseSet _stillPhrases;

    private readonly IReadOnlyDictionary<Urgency, SafetyTier> _tiers;

    internal AfterMedicalReading(IReadOnlyDictionary<Urgency, SafetyTier> tiers, IReadOnlyList<SafetySign> safeSigns, IReadOnlyList<SafetySign> stillNeeds)
    {
        _tiers = tiers;
        SafeSigns = safeSigns;
        StillNeeds = stillNeeds;
        _safePhrases = new PhraseSet(safeSigns.SelectMany(s => s.AllPhrases).Distinct(StringComparer.Ordinal));
        _stillPhrases = new PhraseSet(stillNeeds.SelectMany(s => s.AllPhrases).Distinct(StringComparer.Ordinal));
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

    /// <summary>
    /// Signs that the advice is still needed whatever else the message says ("ill book it eventually lol. anyway whats the
    /// best serum", "is it gonna scar?? i dont want my mum to see"): putting it off, a way to care barred, hiding it.
    /// </summary>
    public IReadOnlyList<SafetySign> StillNeeds { get; }

    /// <summary>The tier as this reading replies: its own reply, led by the section's lead.</summary>
    public SafetyTier this[Urgency urgency] => _tiers[urgency];

    /// <summary>
    /// What the words say of the care advised: still needed ("ill book it eventually", "no money for a&amp;e"), seen to
    /// ("the gp gave me antibiotics", "ok going now"), or neither. A negation just before a seen-to phrase cancels it
    /// ("i havent been seen yet"); nothing cancels a still-needed one, which would only repeat the advice.
    /// </summary>
    internal AfterMedicalCare Read(IReadOnlyList<string> surfaceWords, IReadOnlySet<string> negations)
    {
        var still = new SafetyMatches(_stillPhrases, surfaceWords);
        if (!still.IsEmpty && StillNeeds.Any(s => s.Match(still, NoNegations, negations) is not null))
        {
            return AfterMedicalCare.StillNeeded;
        }

        var seen = new SafetyMatches(_safePhrases, surfaceWords);
        return !seen.IsEmpty && SafeSigns.Any(s => s.Match(seen, negations, negations) is not null)
            ? AfterMedicalCare.SeenTo
            : AfterMedicalCare.Unsaid;
    }
}
