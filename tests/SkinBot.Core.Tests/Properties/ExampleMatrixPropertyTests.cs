using CsCheck;
using SkinBot.Core.Knowledge.Semantic;

namespace SkinBot.Core.Tests.Properties;

/// <summary>
/// The early-stopping scan the crisis screen uses for its look-alikes must agree with the full scan on the only
/// question it is asked: does some example come closer than the threshold?
/// </summary>
public sealed class ExampleMatrixPropertyTests
{
    private const int Dimensions = 24;

    private static readonly Gen<float[]> UnitVector = Gen.Float[-1f, 1f].Array[Dimensions].Where(v => v.Any(x => MathF.Abs(x) > 0.01f)).Select(Normalised);

    // Thresholds above 1 cannot be reached by unit vectors: then the scan must visit every block and be exact.
    [Fact]
    public void Largest_cosine_decides_a_threshold_as_the_full_scan_does_and_is_exact_when_nothing_reaches_it()
    {
        Gen.Select(UnitVector.Array[1, 150], UnitVector, Gen.Float[-0.2f, 1.5f]).Sample((rows, message, enough) =>
        {
            var matrix = new ExampleMatrix(rows, Dimensions);
            var all = new float[matrix.Stride];
            matrix.Cosines(message, all);
            var fullLargest = Math.Max(0f, all.AsSpan(0, matrix.Count).ToArray().Max());

            var largest = matrix.LargestCosine(message, enough);

            Assert.Equal(fullLargest > enough, largest > enough);
            if (fullLargest <= enough)
            {
                Assert.Equal(fullLargest, largest, 4);
            }
        });
    }

    private static float[] Normalised(float[] vector)
    {
        var length = MathF.Sqrt(vector.Sum(x => x * x));
        return [.. vector.Select(x => x / length)];
    }
}
