using System.Globalization;
using SkinBot.Core.Safety;
using SkinBot.Core.Text;

namespace SkinBot.Safety.Train;

/// <summary>
/// How the model does on wordings it has not seen, the way a blind probe meets it: for each round, a model trained
/// without that round and every later one reads the round's messages. Crisis messages it catches, and false alarms
/// among the round's other messages and among the held-out ordinary messages, at several thresholds.
/// </summary>
public static class CrossCheck
{
    private static readonly double[] Thresholds = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

    public static void Run(LogisticTrainer trainer, IReadOnlyList<LabelledText> texts, IReadOnlyList<string> ordinary, int fromRound, CrisisModelTuning tuning, TextWriter output, TextWriter? probabilitiesOut = null)
    {
        var lastRound = texts.Max(t => t.Round) ?? fromRound;
        var totals = new int[Thresholds.Length, 4];
        output.WriteLine($"threshold:            {string.Join(" ", Thresholds.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(12)))}");
        output.WriteLine("cells: crisis caught/of, false alarms in the part's other messages");
        for (var round = fromRound; round <= lastRound; round++)
        {
            var model = trainer.Train([.. texts.Where(t => t.Round is null || t.Round < round)]);
            foreach (var part in texts.Where(t => t.Round == round && !t.IsClause).GroupBy(t => t.Part!))
            {
                var messages = part.ToList();
                var probabilities = messages.Select(m => Probability(model, m.Text, tuning)).ToArray();
                for (var i = 0; i < messages.Count; i++)
                {
                    probabilitiesOut?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{part.Key}\t{(messages[i].Crisis ? "crisis" : "other")}\t{probabilities[i]:0.0000}\t{messages[i].Text.ReplaceLineEndings(" ")}"));
                }

                var cells = Thresholds.Select((threshold, k) =>
                {
                    var caught = messages.Where((m, i) => m.Crisis && probabilities[i] >= threshold).Count();
                    var crisis = messages.Count(m => m.Crisis);
                    var alarms = messages.Where((m, i) => !m.Crisis && probabilities[i] >= threshold).Count();
                    totals[k, 0] += caught;
                    totals[k, 1] += crisis;
                    totals[k, 2] += alarms;
                    totals[k, 3] += messages.Count - crisis;
                    return $"{caught,2}/{crisis,2} {alarms,2}fa".PadLeft(12);
                });
                output.WriteLine($"round {part.Key,-6}         {string.Join(" ", cells)}");
            }

            var ordinaryProbabilities = ordinary.Select(text => Probability(model, text, tuning)).ToArray();
            for (var i = 0; i < ordinary.Count; i++)
            {
                probabilitiesOut?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ordinary-{round}\tother\t{ordinaryProbabilities[i]:0.0000}\t{ordinary[i].ReplaceLineEndings(" ")}"));
            }

            output.WriteLine($"  held-out ordinary ({ordinary.Count}): {string.Join(" ", Thresholds.Select(t => $"{ordinaryProbabilities.Count(p => p >= t)}fa".PadLeft(12)))}");
        }

        output.WriteLine($"total crisis caught:  {string.Join(" ", Thresholds.Select((_, k) => $"{totals[k, 0]}/{totals[k, 1]}".PadLeft(12)))}");
        output.WriteLine($"total false alarms:   {string.Join(" ", Thresholds.Select((_, k) => $"{totals[k, 2]}/{totals[k, 3]}".PadLeft(12)))}");
    }

    private static double Probability(CrisisModel model, string text, CrisisModelTuning tuning) =>
        model.Find(text, ClauseSplitter.Split(text, tuning.MinimumClauseWords), 0)?.Probability ?? 0;
}
