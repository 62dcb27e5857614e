using SkinBot.Core.Safety;

namespace SkinBot.Safety.Train;

/// <summary>
/// Fits the crisis model: logistic regression over the hashed features, by AdaGrad with a small L2 penalty, in a
/// fixed shuffled order (seeded), one thread, so the same data always gives the same weights.
/// </summary>
public sealed class LogisticTrainer(TrainerSettings settings)
{
    public CrisisModel Train(IReadOnlyList<LabelledText> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var rows = texts.Select(t => (Buckets: CrisisFeatures.Buckets(t.Text, settings.Bits), t.Crisis, t.Weight)).ToArray();
        var weights = new double[1 << settings.Bits];
        var squaredGradients = new double[weights.Length];
        var bias = 0.0;
        var biasSquaredGradient = 0.0;
        var order = Enumerable.Range(0, rows.Length).ToArray();
        var random = new Random(settings.Seed);
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var index in order)
            {
                var (buckets, crisis, weight) = rows[index];
                if (buckets.Length == 0)
                {
                    continue;
                }

                var total = 0.0;
                foreach (var bucket in buckets)
                {
                    total += weights[bucket];
                }

                var probability = CrisisModel.Logistic(CrisisModel.Score(total, buckets.Length, bias));
                var gradient = (probability - (crisis ? 1 : 0)) * weight;
                var perFeature = gradient / Math.Sqrt(buckets.Length);
                foreach (var bucket in buckets)
                {
                    var g = perFeature + settings.L2 * weights[bucket];
                    squaredGradients[bucket] += g * g;
                    weights[bucket] -= settings.LearningRate * g / Math.Sqrt(squaredGradients[bucket] + 1e-8);
                }

                biasSquaredGradient += gradient * gradient;
                bias -= settings.LearningRate * gradient / Math.Sqrt(biasSquaredGradient + 1e-8);
            }
        }

        return new CrisisModel(settings.Bits, (float)bias, [.. weights.Select(w => (float)(Half)w)]);
    }
}

/// <summary>How the model is fitted; the defaults made the shipped crisis-model.bin.</summary>
public sealed record TrainerSettings
{
    public static TrainerSettings Default { get; } = new();

    public int Bits { get; init; } = 20;

    public int Epochs { get; init; } = 6;

    public double LearningRate { get; init; } = 0.1;

    public double L2 { get; init; } = 1e-6;

    public int Seed { get; init; } = 7;
}
