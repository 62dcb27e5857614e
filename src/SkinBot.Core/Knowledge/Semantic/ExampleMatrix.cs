using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SkinBot.Core.Knowledge.Semantic;

/// <summary>
/// Unit-length example vectors, int8 with one scale per example and stored dimension by dimension, so a block of
/// 32 examples is scored against a message with its running sums in registers, and the matrix is a quarter of its
/// float size and stays in cache between messages. This is the bulk of the per-message cost (about 850 examples by
/// 192 dimensions); int8 moves a cosine by under 0.02.
/// </summary>
internal sealed class ExampleMatrix
{
    private readonly sbyte[] _columns;
    private readonly float[] _scales;
    private readonly int _dimensions;

    public ExampleMatrix(IReadOnlyList<float[]> rows, int dimensions)
    {
        _dimensions = dimensions;
        Count = rows.Count;
        Stride = (rows.Count + Vector<sbyte>.Count - 1) / Vector<sbyte>.Count * Vector<sbyte>.Count;
        _columns = new sbyte[dimensions * Stride];
        _scales = new float[Stride];
        for (var e = 0; e < rows.Count; e++)
        {
            var largest = rows[e].Max(MathF.Abs);
            _scales[e] = largest / 127f;
            for (var d = 0; d < dimensions && largest > 0; d++)
            {
                _columns[(d * Stride) + e] = (sbyte)MathF.Round(rows[e][d] / _scales[e]);
            }
        }
    }

    public int Count { get; }

    /// <summary>Length of the buffer <see cref="Cosines"/> needs: <see cref="Count"/> rounded up to whole vectors.</summary>
    public int Stride { get; }

    /// <summary>The cosine of a unit-length message with each example, into the first <see cref="Count"/> floats.</summary>
    public void Cosines(ReadOnlySpan<float> message, Span<float> into)
    {
        var sums = MemoryMarshal.Cast<float, Vector<float>>(into[..Stride]);
        var blocks = MemoryMarshal.Cast<sbyte, Vector<sbyte>>(_columns.AsSpan());
        var perDimension = Stride / Vector<sbyte>.Count;

        // One block of examples at a time through every dimension, its sums in registers until the end.
        for (var block = 0; block < perDimension; block++)
        {
            ScoreBlock(message, blocks, perDimension, block, out var first, out var second, out var third, out var fourth);

            sums[4 * block] = first;
            sums[(4 * block) + 1] = second;
            sums[(4 * block) + 2] = third;
            sums[(4 * block) + 3] = fourth;
        }

        var cosines = into[..Stride];
        for (var e = 0; e < cosines.Length; e++)
        {
            cosines[e] *= _scales[e];
        }
    }

    /// <summary>
    /// The largest cosine of a unit-length message with any example, scanning a block of examples at a time and
    /// stopping at the first block with a cosine above <paramref name="enough"/>: a caller that only needs to know
    /// whether some example comes that close (the crisis screen's look-alikes) skips the rest of the matrix. Padding
    /// rows read as 0, so the result is never below 0.
    /// </summary>
    public float LargestCosine(ReadOnlySpan<float> message, float enough)
    {
        var blocks = MemoryMarshal.Cast<sbyte, Vector<sbyte>>(_columns.AsSpan());
        var scales = MemoryMarshal.Cast<float, Vector<float>>(_scales.AsSpan());
        var perDimension = Stride / Vector<sbyte>.Count;
        var threshold = new Vector<float>(enough);
        var largest = Vector<float>.Zero;
        for (var block = 0; block < perDimension; block++)
        {
            ScoreBlock(message, blocks, perDimension, block, out var first, out var second, out var third, out var fourth);

            var blockLargest = Vector.Max(
                Vector.Max(first * scales[4 * block], second * scales[(4 * block) + 1]),
                Vector.Max(third * scales[(4 * block) + 2], fourth * scales[(4 * block) + 3]));
            largest = Vector.Max(largest, blockLargest);
            if (Vector.GreaterThanAny(blockLargest, threshold))
            {
                break;
            }
        }

        var result = 0f;
        for (var i = 0; i < Vector<float>.Count; i++)
        {
            result = MathF.Max(result, largest[i]);
        }

        return result;
    }

    /// <summary>
    /// The unscaled sums of one block of examples against the message, through every dimension, kept in registers:
    /// four vectors because a block of int8 widens into four blocks of floats.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ScoreBlock(ReadOnlySpan<float> message, ReadOnlySpan<Vector<sbyte>> blocks, int perDimension, int block, out Vector<float> first, out Vector<float> second, out Vector<float> third, out Vector<float> fourth)
    {
        first = default;
        second = default;
        third = default;
        fourth = default;
        for (var d = 0; d < _dimensions; d++)
        {
            var weight = new Vector<float>(message[d]);
            Vector.Widen(blocks[(d * perDimension) + block], out var low, out var high);
            Vector.Widen(low, out var a, out var b);
            Vector.Widen(high, out var c, out var e);
            first = Vector.FusedMultiplyAdd(Vector.ConvertToSingle(a), weight, first);
            second = Vector.FusedMultiplyAdd(Vector.ConvertToSingle(b), weight, second);
            third = Vector.FusedMultiplyAdd(Vector.ConvertToSingle(c), weight, third);
            fourth = Vector.FusedMultiplyAdd(Vector.ConvertToSingle(e), weight, fourth);
        }
    }
}
