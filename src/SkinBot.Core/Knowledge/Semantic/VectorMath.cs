using System.Numerics;
using System.Runtime.InteropServices;

namespace SkinBot.Core.Knowledge.Semantic;

/// <summary>The few float-span operations the static vectors need, SIMD-wide where the machine has it.</summary>
internal static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        var wideA = MemoryMarshal.Cast<float, Vector<float>>(a);
        var wideB = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (; i < wideA.Length; i++)
        {
            sum += wideA[i] * wideB[i];
        }

        var result = Vector.Sum(sum);
        for (i *= Vector<float>.Count; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }

    /// <summary>into += weight × vector.</summary>
    public static void AddScaled(ReadOnlySpan<float> vector, float weight, Span<float> into)
    {
        var i = 0;
        var wideVector = MemoryMarshal.Cast<float, Vector<float>>(vector);
        var wideInto = MemoryMarshal.Cast<float, Vector<float>>(into);
        for (; i < wideInto.Length; i++)
        {
            wideInto[i] += wideVector[i] * weight;
        }

        for (i *= Vector<float>.Count; i < into.Length; i++)
        {
            into[i] += weight * vector[i];
        }
    }

    /// <summary>into += weight × vector, for an int8 vector.</summary>
    public static void AddScaled(ReadOnlySpan<sbyte> vector, float weight, Span<float> into)
    {
        var i = 0;
        var scale = new Vector<float>(weight);
        var wideVector = MemoryMarshal.Cast<sbyte, Vector<sbyte>>(vector);
        var wideInto = MemoryMarshal.Cast<float, Vector<float>>(into);
        for (; i < wideVector.Length; i++)
        {
            Vector.Widen(wideVector[i], out var low, out var high);
            Vector.Widen(low, out var first, out var second);
            Vector.Widen(high, out var third, out var fourth);
            wideInto[4 * i] += Vector.ConvertToSingle(first) * scale;
            wideInto[(4 * i) + 1] += Vector.ConvertToSingle(second) * scale;
            wideInto[(4 * i) + 2] += Vector.ConvertToSingle(third) * scale;
            wideInto[(4 * i) + 3] += Vector.ConvertToSingle(fourth) * scale;
        }

        for (i *= Vector<sbyte>.Count; i < into.Length; i++)
        {
            into[i] += weight * vector[i];
        }
    }

    /// <summary>Scales to length 1; false (and unchanged) for the zero vector.</summary>
    public static bool Normalise(Span<float> vector)
    {
        var length = MathF.Sqrt(Dot(vector, vector));
        if (length <= 0 || !float.IsFinite(length))
        {
            return false;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= length;
        }

        return true;
    }
}
