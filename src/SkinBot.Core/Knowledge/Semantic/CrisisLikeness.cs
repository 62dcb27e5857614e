using System.Globalization;
using SkinBot.Core.Safety;
using SkinBot.Core.Text;

namespace SkinBot.Core.Knowledge.Semantic;

/// <summary>
/// The crisis screen's second reader: a clause of the message that means what a known crisis clause meant
/// (safety-examples.yml), by static word vectors, and means it more than any look-alike does. "i want to go to
/// sleep and stay asleep" shares no phrase with a sign in safety.yml, but its vector sits next to "i just want to go
/// to sleep and not wake up". It only adds: the signs of safety.yml are read first and it never clears what they
/// find. Each clause is read on its own, because in a long message the skin words outweigh the one serious clause.
/// </summary>
public sealed class CrisisLikeness
{
    /// <summary>The sign <c>ask --explain</c> reports for a crisis found this way.</summary>
    public static SafetySign Sign { get; } = new(
        "said-like-a-crisis-example",
        "a clause that reads, by meaning, like one of the crisis examples in safety-examples.yml and less like any look-alike",
        [],
        [],
        0,
        []);

    private readonly WordVectors _vectors;
    private readonly CrisisLikenessTuning _tuning;
    private readonly string[] _crisisClauses;
    private readonly ExampleMatrix _crisis;
    private readonly ExampleMatrix _lookAlikes;

    /// <param name="lookAlikes">Harmless texts; each is cut into clauses as a message is.</param>
    public CrisisLikeness(WordVectors vectors, IEnumerable<string> crisisClauses, IEnumerable<string> lookAlikes, CrisisLikenessTuning? tuning = null)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        _vectors = vectors;
        _tuning = tuning ?? CrisisLikenessTuning.Default;
        var crisisRows = new List<float[]>();
        var kept = new List<string>();
        foreach (var clause in crisisClauses)
        {
            if (Embed(clause) is { } row)
            {
                crisisRows.Add(row);
                kept.Add(clause);
            }
        }

        var lookAlikeRows = lookAlikes
            .SelectMany(text => ClauseSplitter.Split(text, _tuning.MinimumClauseWords))
            .Select(Embed)
            .OfType<float[]>()
            .ToList();
        _crisisClauses = [.. kept];
        _crisis = new ExampleMatrix(crisisRows, vectors.Dimensions);
        _lookAlikes = new ExampleMatrix(lookAlikeRows, vectors.Dimensions);
    }

    public int CrisisExampleCount => _crisis.Count;

    public int LookAlikeCount => _lookAlikes.Count;

    /// <summary>The clause of <paramref name="text"/> that reads most clearly like a crisis example, or null.</summary>
    public CrisisLikenessMatch? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_crisis.Count == 0)
        {
            return null;
        }

        var message = new float[_vectors.Dimensions];
        var crisisCosines = new float[_crisis.Stride];
        CrisisLikenessMatch? best = null;
        foreach (var clause in ClauseSplitter.Split(text, _tuning.MinimumClauseWords))
        {
            if (!_vectors.TryEmbed(clause, message))
            {
                continue;
            }

            _crisis.Cosines(message, crisisCosines);
            var nearest = IndexOfLargest(crisisCosines.AsSpan(0, _crisis.Count));
            var similarity = crisisCosines[nearest];
            if (similarity < _tuning.MinimumSimilarity)
            {
                continue;
            }

            // Only a clause that already reads like a crisis pays for the larger comparison, and only until one
            // look-alike comes close enough to rule it out.
            var lookAlike = _lookAlikes.Count > 0 ? _lookAlikes.LargestCosine(message, similarity - _tuning.MinimumMargin) : 0f;

            var margin = similarity - lookAlike;
            if (margin >= _tuning.MinimumMargin && (best is null || margin > best.Margin))
            {
                best = new CrisisLikenessMatch(clause, _crisisClauses[nearest], similarity, lookAlike);
            }
        }

        return best;
    }

    private float[]? Embed(string clause)
    {
        var row = new float[_vectors.Dimensions];
        return _vectors.TryEmbed(clause, row) ? row : null;
    }

    private static int IndexOfLargest(ReadOnlySpan<float> values)
    {
        var index = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[index])
            {
                index = i;
            }
        }

        return index;
    }
}

/// <summary>A clause that read like a crisis example: the clause, the example, and how close each side came.</summary>
public sealed record CrisisLikenessMatch(string Clause, string Example, float Similarity, float LookAlikeSimilarity)
{
    public float Margin => Similarity - LookAlikeSimilarity;

    /// <summary>What --explain quotes as the matched words.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Clause} ~ {Example} ({Similarity:0.00}, nearest look-alike {LookAlikeSimilarity:0.00})");
}
