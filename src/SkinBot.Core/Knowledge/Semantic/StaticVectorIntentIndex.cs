using SkinBot.Core.Text;

namespace SkinBot.Core.Knowledge.Semantic;

/// <summary>
/// Intents scored by how close a message's meaning is to their example utterances, using static word vectors:
/// "is there anything I can put on my face for the dents" finds treatment_at_home without sharing its words.
/// Each example is embedded once when the knowledge base is built; a message costs one embedding and one dot
/// product per example.
/// </summary>
public sealed class StaticVectorIntentIndex : ISemanticIntentIndex
{
    /// <summary>
    /// An intent's similarity is the mean of its closest few examples: one look-alike is not enough, and an
    /// intent's whole centroid blurs its different phrasings (3 measured best of 1, 3 and 5).
    /// </summary>
    private const int ClosestExamples = 3;

    private readonly WordVectors _vectors;
    private readonly string[] _intentIds;
    private readonly int[] _intentOfExample;
    private readonly ExampleMatrix _examples;
    private readonly float[] _centre;

    /// <param name="intents">
    /// Intents and their examples (intents.yml and intent-examples.yml). Greetings and out-of-scope are kept:
    /// without them every message is close to some substantive intent, and measured leakage rose.
    /// </param>
    /// <param name="ignoreWords">
    /// Words that cannot tell intents apart (intents.yml ignore_words), left out as the example index leaves them
    /// out: "and those?" alone must not look like a question about scar types.
    /// </param>
    public StaticVectorIntentIndex(WordVectors vectors, IEnumerable<IntentDefinition> intents, IEnumerable<string> ignoreWords)
    {
        vectors = vectors.Without(ignoreWords.SelectMany(SurfaceWords.Of));
        _vectors = vectors;
        var ids = new List<string>();
        var owners = new List<int>();
        var rows = new List<float[]>();
        foreach (var intent in intents)
        {
            var owner = ids.Count;
            foreach (var example in intent.Examples)
            {
                var row = new float[vectors.Dimensions];
                if (vectors.TryEmbed(example, row))
                {
                    owners.Add(owner);
                    rows.Add(row);
                }
            }

            if (owners.Count > 0 && owners[^1] == owner)
            {
                ids.Add(intent.Id);
            }
        }

        _intentIds = [.. ids];
        _intentOfExample = [.. owners];
        _centre = Centre(rows, vectors.Dimensions);
        _examples = new ExampleMatrix(rows, vectors.Dimensions);
    }

    /// <summary>The shipped word vectors (read on first use) over these intents.</summary>
    public static StaticVectorIntentIndex FromEmbedded(IEnumerable<IntentDefinition> intents, IEnumerable<string> ignoreWords) =>
        new(WordVectors.Embedded, intents, ignoreWords);

    public int ExampleCount => _examples.Count;

    public IReadOnlyList<IntentScore> Classify(string text)
    {
        Span<float> message = stackalloc float[_vectors.Dimensions];
        if (_intentIds.Length == 0 || !_vectors.TryEmbed(text, message) || !Recentre(message, _centre))
        {
            return [];
        }

        var cosines = _examples.Stride <= 4096 ? stackalloc float[_examples.Stride] : new float[_examples.Stride];
        _examples.Cosines(message, cosines);

        // The closest few cosines per intent, kept sorted high to low.
        Span<float> closest = stackalloc float[_intentIds.Length * ClosestExamples];
        closest.Fill(float.NegativeInfinity);
        for (var e = 0; e < _intentOfExample.Length; e++)
        {
            var cosine = cosines[e];
            var best = closest.Slice(_intentOfExample[e] * ClosestExamples, ClosestExamples);
            for (var k = 0; k < best.Length; k++)
            {
                if (cosine > best[k])
                {
                    (cosine, best[k]) = (best[k], cosine);
                }
            }
        }

        var scores = new List<IntentScore>(_intentIds.Length);
        for (var i = 0; i < _intentIds.Length; i++)
        {
            var best = closest.Slice(i * ClosestExamples, ClosestExamples);
            double sum = 0;
            var counted = 0;
            foreach (var cosine in best)
            {
                if (float.IsFinite(cosine))
                {
                    sum += cosine;
                    counted++;
                }
            }

            var similarity = Math.Clamp(sum / counted, 0, 1);
            if (similarity > 0)
            {
                scores.Add(new IntentScore(_intentIds[i], similarity));
            }
        }

        return [.. scores.OrderByDescending(s => s.Score).ThenBy(s => s.Intent, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Averaged static vectors share one common direction (any two questions score a cosine of about 0.8), so
    /// the examples' mean is taken out of every example and message: what is left is what sets them apart.
    /// This is SIF's common-component removal, simplified to the mean.
    /// </summary>
    private static float[] Centre(List<float[]> rows, int dimensions)
    {
        var mean = new float[dimensions];
        foreach (var row in rows)
        {
            VectorMath.AddScaled(row, 1f / rows.Count, mean);
        }

        foreach (var row in rows)
        {
            // An example equal to the mean has nothing of its own; it stays zero and matches nothing.
            Recentre(row, mean);
        }

        return mean;
    }

    private static bool Recentre(Span<float> vector, ReadOnlySpan<float> mean)
    {
        VectorMath.AddScaled(mean, -1f, vector);
        if (VectorMath.Normalise(vector))
        {
            return true;
        }

        vector.Clear();
        return false;
    }
}
