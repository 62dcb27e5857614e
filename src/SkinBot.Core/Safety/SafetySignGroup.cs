using SkinBot.Core.Text;

namespace SkinBot.Core.Safety;

/// <summary>
/// Signs read together outside the tiers (after_crisis's safe signs, told_as_over's past signs), with one phrase
/// index over all of them, so a message is matched once per group rather than once per sign.
/// </summary>
internal sealed class SafetySignGroup
{
    private readonly PhraseSet _phrases;

    internal SafetySignGroup(IReadOnlyList<SafetySign> signs)
    {
        Signs = signs;
        _phrases = new PhraseSet(signs.SelectMany(s => s.AllPhrases).Distinct(StringComparer.Ordinal));
    }

    internal IReadOnlyList<SafetySign> Signs { get; }

    /// <summary>The first sign the words show, in file order, as a verdict of <paramref name="tier"/>; or null.</summary>
    internal SafetyVerdict? FirstShown(IReadOnlyList<string> surfaceWords, SafetyTier tier, IReadOnlySet<string> unlessNegations) =>
        SafetySign.FirstShown(Signs, new SafetyMatches(_phrases, surfaceWords), tier, unlessNegations);
}
