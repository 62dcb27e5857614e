using System.Text.RegularExpressions;
using SkinBot.Core.Evaluation;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Markup;
using SkinBot.Core.Safety;
using SkinBot.Core.Text;

namespace SkinBot.Safety.Train;

/// <summary>
/// What the crisis model is trained on, all read from the repository: the labelled messages of the safety and
/// real-style sets (tests/eval), the crisis clauses and look-alikes of corpus/safety-examples.yml and the intent
/// examples, which are ordinary questions. The textbook sets (questions.yml, dev-questions.yml, corpus-*.yml),
/// real-style-blind.yml and the everyday lists are never trained on: they stay a fair count of false alarms.
/// </summary>
public static partial class TrainingSources
{
    /// <summary>A crisis message counts twice: missing one costs far more than a kind check-in that was not needed.</summary>
    public const float CrisisWeight = 2f;

    /// <summary>Each clause of a message that is not a crisis is a look-alike too, at half weight, since the bot reads clauses.</summary>
    public const float ClauseWeight = 0.5f;

    public static readonly string[] LabelledSets =
        ["safety.yml", "safety-languages.yml", "safety-holdout.yml", "safety-blind.yml", "safety-blind-2.yml", "real-style.yml", "real-style-holdout.yml"];

    /// <summary>Tab-separated lists of everyday messages (tier, then text), written blind and kept out of every other file.</summary>
    public static readonly string[] HeldOutLists = ["everyday-holdout.tsv", "everyday-languages-holdout.tsv", "everyday-long-holdout.tsv", "everyday-offtopic-holdout.tsv", "everyday-healing-holdout.tsv"];

    /// <summary>
    /// Tab-separated lists of ordinary messages trained on whole: long questions about one's own scars, full of feelings,
    /// and long messages about other troubles (taxes, a landlord, redundancy), read as a crisis on their own words until
    /// the model had seen some. Their clauses are look-alikes in
    /// corpus/safety-examples.yml already, so only the whole messages are added here.
    /// </summary>
    public static readonly string[] OrdinaryLists = ["everyday-long.tsv", "everyday-offtopic.tsv"];

    public static readonly string[] HeldOutSets =
        ["questions.yml", "dev-questions.yml", "real-style-blind.yml", "corpus-camouflage.yml", "corpus-medicines.yml", "corpus-procedures.yml", "corpus-skin.yml"];

    /// <summary>
    /// Every training text: each distinct labelled message once (in file order) with its clauses, then the examples;
    /// none that is also a held-out message ("hi", "help"), so that those stay a fair count.
    /// </summary>
    public static IReadOnlyList<LabelledText> Read(string repository)
    {
        var texts = new List<LabelledText>();
        var heldOut = HeldOutOrdinary(repository).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(heldOut, StringComparer.Ordinal);
        foreach (var message in LabelledSets.SelectMany(set => ReadSet(Path.Combine(repository, "tests", "eval", set))))
        {
            if (!seen.Add(message.Text))
            {
                continue;
            }

            texts.Add(message);
            var clauses = ClauseSplitter.Split(message.Text, CrisisModelTuning.Default.MinimumClauseWords);
            if (!message.Crisis && clauses.Count > 1)
            {
                // A clause can be a held-out question on its own ("what do rolling scars look like").
                texts.AddRange(clauses
                    .Where(clause => !heldOut.Contains(MessageNormalizer.Normalize(clause)))
                    .Select(clause => message with { Text = clause, Weight = ClauseWeight, IsClause = true }));
            }
        }

        texts.AddRange(OrdinaryLists
            .SelectMany(list => ReadList(Path.Combine(repository, "tests", "eval", list)))
            .Select(MessageNormalizer.Normalize)
            .Where(text => seen.Add(text))
            .Select(text => new LabelledText(text, false, 1f)));

        var examples = SafetyExamples.Parse(File.ReadAllText(Path.Combine(repository, "corpus", "safety-examples.yml")));
        texts.AddRange(examples.Crisis.Select(clause => new LabelledText(clause, true, CrisisWeight)));
        texts.AddRange(examples.LookAlikes.Where(clause => !heldOut.Contains(MessageNormalizer.Normalize(clause))).Select(clause => new LabelledText(clause, false, 1f)));
        var intents = IntentCatalog.Parse(
            File.ReadAllText(Path.Combine(repository, "corpus", "intents.yml")),
            "intents.yml",
            File.ReadAllText(Path.Combine(repository, "corpus", "intent-examples.yml")));
        texts.AddRange(intents.File.Intents
            .Where(intent => intent.Id != Core.Domain.IntentIds.Urgent)
            .SelectMany(intent => intent.Examples)
            .Where(example => !heldOut.Contains(MessageNormalizer.Normalize(example)))
            .Select(example => new LabelledText(example, false, 1f)));
        return texts;
    }

    /// <summary>The messages of a labelled set, each marked with the blind probe part its "# round NN x" header names.</summary>
    public static IEnumerable<LabelledText> ReadSet(string path)
    {
        var yaml = File.ReadAllText(path);
        var questions = EvalSet.Parse(yaml, path).Questions;
        var parts = PartOfEachQuestion(yaml);
        if (parts.Count != questions.Count)
        {
            throw new InvalidDataException($"{path}: {questions.Count} questions but {parts.Count} item lines");
        }

        return questions.Select((q, i) => new LabelledText(
            MessageNormalizer.Normalize(q.Text),
            q.Urgency == "crisis",
            q.Urgency == "crisis" ? CrisisWeight : 1f,
            parts[i]));
    }

    /// <summary>The held-out messages that are not crises: false alarms among them are the model's cost.</summary>
    public static IReadOnlyList<string> HeldOutOrdinary(string repository)
    {
        var eval = Path.Combine(repository, "tests", "eval");
        var everyday = HeldOutLists.SelectMany(list => ReadList(Path.Combine(eval, list)));
        return [.. HeldOutSets
            .SelectMany(set => EvalSet.Parse(File.ReadAllText(Path.Combine(eval, set)), set).Questions)
            .Where(q => q.Urgency is null or "none" && q.Intent != Core.Domain.IntentIds.Urgent)
            .Select(q => q.Text)
            .Concat(everyday)
            .Select(MessageNormalizer.Normalize)];
    }

    /// <summary>The texts of a tab-separated list (tier, then text), blank lines skipped.</summary>
    private static IEnumerable<string> ReadList(string path) =>
        File.ReadLines(path).Where(line => line.Trim().Length > 0).Select(line => line.Split('\t')[^1]);

    private static List<string?> PartOfEachQuestion(string yaml)
    {
        var parts = new List<string?>();
        string? part = null;
        foreach (var line in yaml.Split('\n'))
        {
            if (RoundHeader().Match(line) is { Success: true } header)
            {
                part = $"{header.Groups[1].Value} {header.Groups[2].Value}";
            }
            else if (line.TrimStart().StartsWith('#'))
            {
                // Any other comment starts a stretch that no blind probe part wrote.
                part = null;
            }
            else if (line.StartsWith("  - text:", StringComparison.Ordinal) || line.StartsWith("  - {text:", StringComparison.Ordinal))
            {
                parts.Add(part);
            }
        }

        return parts;
    }

    [GeneratedRegex(@"^\s*# round (\d+) ([a-z])\b")]
    private static partial Regex RoundHeader();
}
