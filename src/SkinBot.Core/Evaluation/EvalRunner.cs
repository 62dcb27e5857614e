using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Core.Intents;

namespace SkinBot.Core.Evaluation;

/// <summary>
/// Runs a labelled question file through the engine, each question in a fresh conversation (after its <c>after</c>
/// message, when it has one), and measures
/// intent accuracy, hit@1/hit@3 on expected passages, the caveat rate, and the two safety properties.
/// </summary>
public static class EvalRunner
{
    private const string SectionPrefix = "section:";
    private const string InOfficeSection = "treatments-in-office";
    private static readonly string[] TreatmentSections = ["treatments-at-home", InOfficeSection, "treatments"];

    public static async Task<EvalReport> RunAsync(IChatEngine engine, EvalSet set, CancellationToken cancellationToken)
    {
        var misses = new List<EvalMiss>();
        int correct = 0, retrieval = 0, hit1 = 0, hit3 = 0, substantive = 0, withCaveat = 0, urgentTips = 0, atHomeInOffice = 0;
        int notPockmarks = 0, leaked = 0, falseAlarms = 0, wrong = 0, wrongButLow = 0;
        var tiers = new Dictionary<Urgency, (int Expected, int Right, int Any)>();
        var bins = new (int Answers, int Correct)[ConfidenceBin.Edges.Length - 1];
        for (var i = 0; i < set.Questions.Count; i++)
        {
            var question = set.Questions[i];
            if (!string.IsNullOrWhiteSpace(question.After))
            {
                _ = await engine.AnswerAsync(new ChatRequest(Platforms.Cli, $"eval-{i}", "eval", question.After), cancellationToken);
            }

            var answer = await engine.AnswerAsync(new ChatRequest(Platforms.Cli, $"eval-{i}", "eval", question.Text), cancellationToken);
            var expectedTier = UrgencyNames.Parse(question.Urgency) ?? Urgency.None;
            if (expectedTier != Urgency.None)
            {
                var (expected, right, any) = tiers.GetValueOrDefault(expectedTier);
                tiers[expectedTier] = (expected + 1, right + (answer.Urgency == expectedTier ? 1 : 0), any + (answer.Urgency != Urgency.None ? 1 : 0));
                if (answer.Urgency != expectedTier)
                {
                    misses.Add(new EvalMiss("tier", question.Text, expectedTier.ToName(), $"{answer.Urgency.ToName()} ({answer.Intent})"));
                }
            }
            else if (question.Urgency is not null && answer.Urgency != Urgency.None)
            {
                falseAlarms++;
                misses.Add(new EvalMiss("false-alarm", question.Text, "no urgent reply", answer.Urgency.ToName()));
            }

            if (question.Intent is IntentIds.OutOfScope or IntentIds.GreetingHelp)
            {
                // Pockmark content given to a question that is not about pockmarks is the worst kind of wrong answer.
                notPockmarks++;
                if (answer.IsSubstantive)
                {
                    leaked++;
                    misses.Add(new EvalMiss("leak", question.Text, question.Intent, Describe(answer)));
                }
            }

            if (answer.Intent != IntentIds.Urgent && question.Intent != IntentIds.Urgent)
            {
                // Calibration is about understanding questions; safety replies are decided by the screen, not by confidence.
                var bin = Array.FindLastIndex(ConfidenceBin.Edges, e => e <= answer.Confidence);
                bin = Math.Clamp(bin, 0, bins.Length - 1);
                bins[bin] = (bins[bin].Answers + 1, bins[bin].Correct + (answer.Intent == question.Intent ? 1 : 0));
            }

            if (answer.Intent == question.Intent)
            {
                correct++;
            }
            else
            {
                wrong++;
                wrongButLow += answer.LowConfidence || answer.BestGuess ? 1 : 0;
                misses.Add(new EvalMiss("intent", question.Text, question.Intent, $"{answer.Intent} ({answer.Confidence:0.00}{(answer.LowConfidence ? ", low" : answer.BestGuess ? ", best guess" : string.Empty)})"));
            }

            if (question.Expect.Count > 0 && IntentClassifier.IsSubstantive(question.Intent))
            {
                retrieval++;
                var rank = answer.Passages.ToList().FindIndex(p => question.Expect.Any(e => Matches(p, e)));
                hit1 += rank == 0 ? 1 : 0;
                hit3 += rank is >= 0 and < 3 ? 1 : 0;
                if (rank is < 0 or >= 3)
                {
                    misses.Add(new EvalMiss("retrieval", question.Text, string.Join(" | ", question.Expect), Describe(answer)));
                }
            }

            if (answer.IsSubstantive)
            {
                substantive++;
                if (!string.IsNullOrWhiteSpace(answer.Caveat))
                {
                    withCaveat++;
                }
                else
                {
                    misses.Add(new EvalMiss("caveat", question.Text, "a caveat", "none"));
                }
            }

            if (question.Intent == IntentIds.Urgent && answer.Passages.Any(p => TreatmentSections.Contains(p.SectionId)))
            {
                urgentTips++;
                misses.Add(new EvalMiss("urgent-tips", question.Text, "no treatment passages", Describe(answer)));
            }

            if (question.Intent == IntentIds.TreatmentAtHome && answer.Passages.Any(p => p.SectionId == InOfficeSection))
            {
                atHomeInOffice++;
                misses.Add(new EvalMiss("at-home-in-office", question.Text, "at-home passages only", Describe(answer)));
            }
        }

        static double Share(int part, int whole) => whole == 0 ? 1.0 : part / (double)whole;
        return new EvalReport(
            set.Questions.Count,
            Share(correct, set.Questions.Count),
            retrieval,
            Share(hit1, retrieval),
            Share(hit3, retrieval),
            substantive,
            Share(withCaveat, substantive),
            urgentTips,
            atHomeInOffice,
            misses)
        {
            Tiers = [.. tiers.OrderByDescending(t => t.Key).Select(t => new TierRecall(t.Key.ToName(), t.Value.Expected, t.Value.Right, t.Value.Any))],
            NotAboutPockmarks = notPockmarks,
            Leaked = leaked,
            FalseAlarms = falseAlarms,
            WrongIntents = wrong,
            WrongButLowConfidence = wrongButLow,
            Calibration = [.. bins.Select((b, i) => new ConfidenceBin(ConfidenceBin.Edges[i], ConfidenceBin.Edges[i + 1], b.Answers, b.Correct))],
        };
    }

    private static bool Matches(AnswerPassage passage, string expectation) =>
        expectation.StartsWith(SectionPrefix, StringComparison.OrdinalIgnoreCase)
            ? string.Equals(passage.SectionId, expectation[SectionPrefix.Length..].Trim(), StringComparison.OrdinalIgnoreCase)
            : string.Equals(passage.LeadTerm, expectation.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Describe(Answer answer) =>
        $"{answer.Intent}: [{string.Join(", ", answer.Passages.Take(3).Select(p => p.LeadTerm ?? p.SectionId))}]";
}
