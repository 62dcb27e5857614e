using SkinBot.Core.Text;

namespace SkinBot.Core.Safety;

/// <summary>
/// safety.yml's <c>after_near_miss</c>: how SkinBot reads the message right after one that came near a crisis reading
/// without getting one. "this acne makes me wanna die lol" is answered as the joke it most often is; "no fr tho" or "i
/// wasnt joking" next says it was not, and then gets the crisis reply the first message did not.
/// </summary>
public sealed class AfterNearMissReading
{
    private readonly PhraseSet _phrases;

    private readonly PhraseSet _nearWords;

    internal AfterNearMissReading(SafetyTier crisis, IReadOnlyList<string> nearWords, IReadOnlyList<SafetySign> signs)
    {
        Crisis = crisis;
        NearWords = nearWords;
        Signs = signs;
        _phrases = new PhraseSet(signs.SelectMany(s => s.AllPhrases).Distinct(StringComparer.Ordinal));
        _nearWords = new PhraseSet(nearWords);
    }

    /// <summary>Words that speak of dying, killing, disappearing or hurting oneself, as written in safety.yml.</summary>
    public IReadOnlyList<string> NearWords { get; }

    /// <summary>The crisis tier, whose own reply these signs get: no crisis reply has been given yet.</summary>
    public SafetyTier Crisis { get; }

    public IReadOnlyList<SafetySign> Signs { get; }

    /// <summary>The first of <see cref="NearWords"/> the words hold, or null.</summary>
    internal string? FindNearWord(IReadOnlyList<string> surfaceWords) =>
        _nearWords.Find(surfaceWords) is [var first, ..] ? first.Phrase : null;

    /// <summary>The first sign the words show, in file order, or null. Like every crisis sign, none is negatable.</summary>
    internal SafetyVerdict? Find(IReadOnlyList<string> surfaceWords, IReadOnlySet<string> unlessNegations) =>
        SafetySign.FirstShown(Signs, new SafetyMatches(_phrases, surfaceWords), Crisis, unlessNegations);
}
