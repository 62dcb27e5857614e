namespace SkinBot.Core.Evaluation;

/// <summary>
/// Answers whose confidence fell in [<paramref name="From"/>, <paramref name="To"/>) and how many had the right
/// intent: a calibrated classifier is right about as often as it says it is sure.
/// </summary>
public sealed record ConfidenceBin(double From, double To, int Answers, int Correct)
{
    public double Accuracy => Answers == 0 ? 0 : Correct / (double)Answers;

    /// <summary>The bin edges the report uses; the first edge is the low-confidence threshold's neighbourhood.</summary>
    public static readonly double[] Edges = [0, 0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];
}
