using System.Globalization;
using System.Text;
using SkinBot.Core.Text;

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
    /// <summary>Recall of each safety tier present in the set, most urgent first.</summary>
    public IReadOnlyList<TierRecall> Tiers { get; init; } = [];

    /// <summary>Questions labelled out of scope or greeting: they must get no pockmark content.</summary>
    public int NotAboutPockmarks { get; init; }

    /// <summary>Of <see cref="NotAboutPockmarks"/>, how many got pockmark passages anyway.</summary>
    public int Leaked { get; init; }

    public double Leakage => NotAboutPockmarks == 0 ? 0 : Leaked / (double)NotAboutPockmarks;

    /// <summary>Messages labelled urgency none that got a go-to-care reply.</summary>
    public int FalseAlarms { get; init; }

    public int WrongIntents { get; init; }

    /// <summary>Of <see cref="WrongIntents"/>, how many were flagged low confidence (offered topics rather than a wrong answer).</summary>
    public int WrongButLowConfidence { get; init; }

    /// <summary>Accuracy per confidence band (understanding only, not safety replies).</summary>
    public IReadOnlyList<ConfidenceBin> Calibration { get; init; } = [];

    public static readonly EvalThresholds Required = new(0.92, 0.97, 1.0);

    public bool MeetsThresholds(EvalThresholds thresholds) =>
        IntentAccuracy >= thresholds.IntentAccuracy
        && HitAt3 >= thresholds.HitAt3
        && CaveatRate >= thresholds.CaveatRate
        && UrgentWithTreatmentTips == 0
        && Tiers.All(t => t.RightTier == t.Expected)
        && Leakage <= thresholds.MaxLeakage
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
        text.AppendLine(culture, $"out-of-scope leakage {Leakage:0.000}  ({Leaked} of {NotAboutPockmarks} questions not about pockmarks got pockmark content)");
        text.AppendLine(culture, $"wrong but unsure     {WrongButLowConfidence} of {WrongIntents} wrong intents were flagged low confidence or best guess");
        foreach (var bin in Calibration.Where(b => b.Answers > 0))
        {
            text.AppendLine(culture, $"confidence {bin.From:0.00}-{Math.Min(bin.To, 1):0.00}  {bin.Answers,4} answers, {bin.Accuracy:0.000} right");
        }

        foreach (var tier in Tiers)
        {
            text.AppendLine(culture, $"tier {tier.Tier,-15} recall {tier.Recall:0.000}  ({tier.RightTier} of {tier.Expected}; {tier.AnyUrgent} got some urgent reply)");
        }

        if (Tiers.Count > 0 || FalseAlarms > 0)
        {
            text.AppendLine(culture, $"false alarms         {FalseAlarms}");
        }

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
        return TextCut.Truncate(flat, 91);
    }
}

/// <param name="MaxLeakage">Largest share of not-about-pockmarks questions that may get pockmark content.</param>
public sealed record EvalThresholds(double IntentAccuracy, double HitAt3, double CaveatRate, double MaxLeakage = 0.02);

/// <param name="Kind">intent, retrieval, caveat, urgent-tips, at-home-in-office, tier, false-alarm or leak.</param>
public sealed record EvalMiss(string Kind, string Question, string Expected, string Actual);
