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
    private readonly SafetySignGroup _over;

    private readonly SafetySignGroup _past;

    private readonly SafetySignGroup _notOver;

    internal ToldAsOverReading(SafetyTier crisis, IReadOnlyList<SafetySign> overSigns, IReadOnlyList<SafetySign> pastSigns, IReadOnlyList<SafetySign> notOverSigns)
    {
        Crisis = crisis;
        _over = new SafetySignGroup(overSigns);
        _past = new SafetySignGroup(pastSigns);
        _notOver = new SafetySignGroup(notOverSigns);
    }

    /// <summary>The tier whose verdicts the signs are read with (they decide no reply of their own).</summary>
    public SafetyTier Crisis { get; }

    /// <summary>Saying the danger is over ("doing really well now", "years clean", "antibiotics cleared it").</summary>
    public IReadOnlyList<SafetySign> OverSigns => _over.Signs;

    /// <summary>Words that set a clause in the past ("when i was 17", "years ago", "in 2016").</summary>
    public IReadOnlyList<SafetySign> PastSigns => _past.Signs;

    /// <summary>Saying it is not over, or may not be ("again", "lately", "still").</summary>
    public IReadOnlyList<SafetySign> NotOverSigns => _notOver.Signs;

    /// <summary>Whether a clause speaks of the past or of the danger being over, so a sign in it is not read as now.</summary>
    internal bool TellsThePast(IReadOnlyList<string> clauseWords, IReadOnlySet<string> unlessNegations) =>
        _past.FirstShown(clauseWords, Crisis, unlessNegations) is not null
        || _over.FirstShown(clauseWords, Crisis, unlessNegations) is not null;

    /// <summary>The over sign the words show when they show no not-over sign; otherwise null.</summary>
    internal SafetyVerdict? Find(IReadOnlyList<string> surfaceWords, IReadOnlySet<string> unlessNegations) =>
        _notOver.FirstShown(surfaceWords, Crisis, unlessNegations) is null
            ? _over.FirstShown(surfaceWords, Crisis, unlessNegations)
            : null;
}
