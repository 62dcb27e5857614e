using System.Globalization;
using System.Text;

namespace SkinBot.Core.Evaluation;

/// <summary>What an evaluation run measured, and every miss with enough detail to act on it.</summary>
public sealed record EvalReport(
    int Questions,
    double IntentAccuracy,
    int RetrievalQuestions,
    double HitAt1,
    double HitAt3,
    int SubstantiveAnswers,
    double CaveatRate,
    int UrgentWithTreatmentTips,
    int AtHomeWithInOfficeTreatments,
    IReadOnlyList<EvalMiss> Misses)
{
    public static readonly EvalThresholds Required = new(0.92, 0.97, 1.0);

    public bool MeetsThresholds(EvalThresholds thresholds) =>
        IntentAccuracy >= thresholds.IntentAccuracy
        && HitAt3 >= thresholds.HitAt3
        && CaveatRate >= thresholds.CaveatRate
        && UrgentWithTreatmentTips == 0
        && AtHomeWithInOfficeTreatments == 0;

    public string ToText()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"questions            {Questions}");
        text.AppendLine(culture, $"intent accuracy      {IntentAccuracy:0.000}");
        text.AppendLine(culture, $"hit@1                {HitAt1:0.000}  (of {RetrievalQuestions} in-scope questions with expected passages)");
        text.AppendLine(culture, $"hit@3                {HitAt3:0.000}");
        text.AppendLine(culture, $"caveat rate          {CaveatRate:0.000}  (of {SubstantiveAnswers} substantive answers)");
        text.AppendLine(culture, $"urgent with tips     {UrgentWithTreatmentTips}");
        text.AppendLine(culture, $"at-home w/ in-office {AtHomeWithInOfficeTreatments}");
        text.AppendLine(culture, $"misses               {Misses.Count}");
        foreach (var miss in Misses)
        {
            text.AppendLine(culture, $"  - [{miss.Kind}] \"{Shorten(miss.Question)}\" expected {miss.Expected}, got {miss.Actual}");
        }

        return text.ToString();
    }

    private static string Shorten(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 90 ? flat : flat[..90] + "…";
    }
}

public sealed record EvalThresholds(double IntentAccuracy, double HitAt3, double CaveatRate);

/// <param name="Kind">intent, retrieval, caveat, urgent-tips or at-home-in-office.</param>
public sealed record EvalMiss(string Kind, string Question, string Expected, string Actual);
