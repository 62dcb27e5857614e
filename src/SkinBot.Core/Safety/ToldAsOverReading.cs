using SkinBot.Core.Text;

namespace SkinBot.Core.Safety;

/// <summary>
/// safety.yml's <c>told_as_over</c>: a danger the message names only as over ("survived an attempt at 17, I'm 25 now and
/// doing really well", "it got infected last year, antibiotics cleared it") beside an ordinary question. Such a message
/// gets its answer with the crisis lines beside it, not the tier's reply: a person in recovery who mentions it is
/// answered, and still sees where help is. Recall comes first, so the tier's reply stands when one sign that it is not
/// over ("again", "lately", "still") shows anywhere, or when the clauses that speak neither of the past ("when I was
/// 17") nor of it being over show a sign of their own ("4 years clean, but I want to die").
/// </summary>
public sealed class ToldAsOverReading
{
    private readonly PhraseSet _overPhrases;

    private readonly PhraseSet _notOverPhrases;

    private readonly PhraseSet _pastPhrases;

    internal ToldAsOverReading(SafetyTier crisis, IReadOnlyList<SafetySign> overSigns, IReadOnlyList<SafetySign> pastSigns, IReadOnlyList<SafetySign> notOverSigns)
    {
        Crisis = crisis;
        OverSigns = overSigns;
        PastSigns = pastSigns;
        NotOverSigns = notOverSigns;
        _pastPhrases = new PhraseSet(pastSigns.SelectMany(s => s.AllPhrases).Distinct(StringComparer.Ordinal));
        _overPhrases = new PhraseSet(overSigns.SelectMany(s => s.AllPhrases).Distinct(StringComparer.Ordinal));
        _notOverPhrases = new PhraseSet(notOverSigns.SelectMany(s => s.AllPhrases).Distinct(StringComparer.Ordinal));
    }

    /// <summary>The tier whose verdicts the signs are read with (they decide no reply of their own).</summary>
    public SafetyTier Crisis { get; }

    public IReadOnlyList<SafetySign> OverSigns { get; }

    /// <summary>Words that set a clause in the past ("when i was 17", "years ago", "in 2016").</summary>
    public IReadOnlyList<SafetySign> PastSigns { get; }

    public IReadOnlyList<SafetySign> NotOverSigns { get; }

    /// <summary>Whether a clause speaks of the past or of the danger being over, so a sign in it is not read as now.</summary>
    internal bool TellsThePast(IReadOnlyList<string> clauseWords, IReadOnlySet<string> unlessNegations) =>
        SafetySign.FirstShown(PastSigns, new SafetyMatches(_pastPhrases, clauseWords), Crisis, unlessNegations) is not null
        || SafetySign.FirstShown(OverSigns, new SafetyMatches(_overPhrases, clauseWords), Crisis, unlessNegations) is not null;

    /// <summary>The over sign the words show when they show no not-over sign; otherwise null.</summary>
    internal SafetyVerdict? Find(IReadOnlyList<string> surfaceWords, IReadOnlySet<string> unlessNegations) =>
        SafetySign.FirstShown(NotOverSigns, new SafetyMatches(_notOverPhrases, surfaceWords), Crisis, unlessNegations) is null
            ? SafetySign.FirstShown(OverSigns, new SafetyMatches(_overPhrases, surfaceWords), Crisis, unlessNegations)
            : null;
}
