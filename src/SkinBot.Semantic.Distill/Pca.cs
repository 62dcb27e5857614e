namespace SkinBot.Semantic.Distill;

/// <summary>
/// Principal component analysis by an eigen decomposition of the covariance matrix (cyclic Jacobi rotations):
/// a few hundred dimensions need no library, and Jacobi is exact for close eigenvalues, where power iteration
/// converges slowly. Everything runs in a fixed order in double precision, so the result is reproducible.
/// </summary>
public sealed class Pca
{
    private readonly double[] _mean;
    private readonly double[][] _components;

    private Pca(double[] mean, double[][] components, double explained)
    {
        _mean = mean;
        _components = components;
        ExplainedVariance = explained;
    }

    /// <summary>Share of the total variance the kept components carry.</summary>
    public double ExplainedVariance { get; }

    public static Pca Fit(IReadOnlyList<float[]> rows, int keep)
    {
        var n = rows[0].Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keep, n);
        var mean = new double[n];
        foreach (var row in rows)
        {
            for (var i = 0; i < n; i++)
            {
                mean[i] += row[i];
            }
        }

        for (var i = 0; i < n; i++)
        {
            mean[i] /= rows.Count;
        }

        var covariance = new double[n, n];
        var centred = new double[n];
        foreach (var row in rows)
        {
            for (var i = 0; i < n; i++)
            {
                centred[i] = row[i] - mean[i];
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = i; j < n; j++)
                {
                    covariance[i, j] += centred[i] * centred[j];
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                covariance[i, j] /= rows.Count - 1;
                covariance[j, i] = covariance[i, j];
            }
        }

        var (values, vectors) = Jacobi(covariance);
        var order = Enumerable.Range(0, n).OrderByDescending(i => values[i]).ThenBy(i => i).Take(keep).ToArray();
        var kept = order.Select(k => CanonicalSign(Enumerable.Range(0, n).Select(i => vectors[i, k]).ToArray())).ToArray();
        return new Pca(mean, kept, order.Sum(k => values[k]) / values.Sum());
    }

    public float[] Project(float[] row)
    {
        var projected = new float[_components.Length];
        for (var c = 0; c < _components.Length; c++)
        {
            double sum = 0;
            for (var i = 0; i < row.Length; i++)
            {
                sum += (row[i] - _mean[i]) * _components[c][i];
            }

            projected[c] = (float)sum;
        }

        return projected;
    }

    /// <summary>Eigenvalues and eigenvectors (as columns) of a symmetric matrix.</summary>
    private static (double[] Values, double[,] Vectors) Jacobi(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var v = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            v[i, i] = 1;
        }

        for (var sweep = 0; sweep < 100; sweep++)
        {
            double offDiagonal = 0;
            double diagonal = 0;
            for (var p = 0; p < n; p++)
            {
                diagonal += a[p, p] * a[p, p];
                for (var q = p + 1; q < n; q++)
                {
                    offDiagonal += a[p, q] * a[p, q];
                }
            }

            if (offDiagonal <= 1e-22 * diagonal)
            {
                break;
            }

            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300)
                    {
                        continue;
                    }

                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    var c = 1 / Math.Sqrt((t * t) + 1);
                    var s = t * c;
                    Rotate(a, v, p, q, c, s, n);
                }
            }
        }

        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = a[i, i];
        }

        return (values, v);
    }

    /// <summary>Zeroes a[p, q] by rotating rows and columns p and q (and accumulates the rotation in v).</summary>
    private static void Rotate(double[,] a, double[,] v, int p, int q, double c, double s, int n)
    {
        for (var k = 0; k < n; k++)
        {
            var akp = a[k, p];
            var akq = a[k, q];
            a[k, p] = (c * akp) - (s * akq);
            a[k, q] = (s * akp) + (c * akq);
        }

        for (var k = 0; k < n; k++)
        {
            var apk = a[p, k];
            var aqk = a[q, k];
            a[p, k] = (c * apk) - (s * aqk);
            a[q, k] = (s * apk) + (c * aqk);
        }

        for (var k = 0; k < n; k++)
        {
            var vkp = v[k, p];
            var vkq = v[k, q];
            v[k, p] = (c * vkp) - (s * vkq);
            v[k, q] = (s * vkp) + (c * vkq);
        }
    }

    /// <summary>An eigenvector's sign is arbitrary; its largest component is made positive so reruns agree.</summary>
    private static double[] CanonicalSign(double[] vector)
    {
        var largest = vector.MaxBy(Math.Abs);
        return largest < 0 ? [.. vector.Select(x => -x)] : vector;
    }
}
