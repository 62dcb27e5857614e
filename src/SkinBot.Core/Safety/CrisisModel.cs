namespace SkinBot.Core.Safety;

/// <summary>
/// The crisis screen's third reader: a logistic model over hashed character runs, words and word pairs
/// (<see cref="CrisisFeatures"/>), trained on every labelled message of the safety sets by SkinBot.Safety.Train.
/// The signs of safety.yml only know the wordings someone wrote down, and the reader by meaning only knows English
/// words; this one has seen thousands of ways of saying it, in twelve languages and every spelling, and weighs the
/// pieces they share ("sin mi", "not be here", "pils", "ya no"). It only adds: it never clears what the signs find.
/// </summary>
public sealed class CrisisModel
{
    private const string ResourceName = "SkinBot.Core.Safety.crisis-model.bin";
    private static readonly Lazy<CrisisModel> EmbeddedModel = new(LoadEmbedded);

    private readonly float[] _weights;

    /// <summary>The sign <c>ask --explain</c> reports for a crisis found this way.</summary>
    public static SafetySign Sign { get; } = new(
        "read-as-a-crisis-by-the-model",
        "a message, or a clause of it, that the crisis model (crisis-model.bin, trained on the labelled safety sets) reads as a crisis",
        [],
        [],
        0,
        []);

    /// <param name="weights">One weight per bucket: 2^<paramref name="bits"/> of them.</param>
    public CrisisModel(int bits, float bias, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 24);
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Length, 1 << bits);
        Bits = bits;
        Bias = bias;
        _weights = weights;
    }

    /// <summary>The model shipped inside SkinBot.Core, read on first use and shared by every knowledge base.</summary>
    public static CrisisModel Embedded => EmbeddedModel.Value;

    public int Bits { get; }

    public float Bias { get; }

    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>
    /// How likely the text is a crisis message, 0 to 1. The weights' sum is divided by the root of the feature count,
    /// so a clause is read at the same scale whatever its length.
    /// </summary>
    public double Probability(ReadOnlySpan<char> text)
    {
        var sum = new WeightSum(_weights);
        CrisisFeatures.Visit(text, Bits, ref sum);
        return Logistic(Score(sum.Total, sum.Count, Bias));
    }

    /// <summary>The raw score the trainer fits: the same arithmetic, in one place.</summary>
    public static double Score(double weightTotal, int featureCount, double bias) =>
        (featureCount == 0 ? 0 : weightTotal / Math.Sqrt(featureCount)) + bias;

    public static double Logistic(double score) => 1 / (1 + Math.Exp(-score));

    /// <summary>
    /// The piece of the message that reads most likely a crisis, the whole message or one of its clauses, when it
    /// reaches <paramref name="threshold"/>; otherwise null. A long message is read clause by clause too, because
    /// its skin words would otherwise drown the one serious clause.
    /// </summary>
    /// <param name="threshold">The bar every reading (the whole text or one clause) must reach.</param>
    /// <param name="higherBarFor">Optional: a higher bar for a reading by what it says; asked only of readings that reach
    /// <paramref name="threshold"/>, so its cost is paid rarely.</param>
    public CrisisModelMatch? Find(string text, IReadOnlyList<string> clauses, double threshold, Func<string, double>? higherBarFor = null) =>
        Read(text, clauses, threshold, higherBarFor, nearThreshold: double.PositiveInfinity).Found;

    /// <summary>
    /// <see cref="Find"/>, and in the same pass the reading most likely a crisis when it reaches the lower <paramref
    /// name="nearThreshold"/> (a near miss), so an ordinary message is not read twice.
    /// </summary>
    public CrisisModelReading Read(string text, IReadOnlyList<string> clauses, double threshold, Func<string, double>? higherBarFor, double nearThreshold)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(clauses);
        CrisisModelMatch? found = null;
        (string Text, double Probability) likeliest = (text, 0);
        foreach (var reading in clauses.Count > 1 ? [text, .. clauses] : (IEnumerable<string>)[text])
        {
            var probability = Probability(reading);
            if (probability > likeliest.Probability)
            {
                likeliest = (reading, probability);
            }

            if (probability > (found?.Probability ?? 0) && probability >= threshold && (higherBarFor is null || probability >= higherBarFor(reading)))
            {
                found = new CrisisModelMatch(reading, probability);
            }
        }

        return new CrisisModelReading(found, found is null && likeliest.Probability >= nearThreshold ? new CrisisModelMatch(likeliest.Text, likeliest.Probability) : null);
    }

    private static CrisisModel LoadEmbedded()
    {
        using var stream = typeof(CrisisModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in SkinBot.Core");
        return CrisisModelFile.Read(stream);
    }

    private struct WeightSum(float[] weights) : ICrisisFeatureSink
    {
        private readonly float[] _weights = weights;

        public double Total { get; private set; }

        public int Count { get; private set; }

        public void Add(int bucket)
        {
            Total += _weights[bucket];
            Count++;
        }
    }
}

/// <summary>What <see cref="CrisisModel.Read"/> found: a crisis reading, or else a near miss, or neither.</summary>
public readonly record struct CrisisModelReading(CrisisModelMatch? Found, CrisisModelMatch? Near);

/// <summary>The piece of a message the crisis model read as most likely a crisis, and how likely.</summary>
public sealed record CrisisModelMatch(string Text, double Probability)
{
    /// <summary>What --explain quotes as the matched words.</summary>
    public string Describe() => FormattableString.Invariant($"{Text} (crisis model {Probability:0.00})");
}
