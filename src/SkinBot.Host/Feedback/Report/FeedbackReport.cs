using SkinBot.Core.Domain;
using SkinBot.Core.Feedback;

namespace SkinBot.Host.Feedback.Report;

/// <summary>
/// The content-gap report, computed once and then rendered as HTML, Markdown or JSON: what was asked about (by
/// intent and day), how often SkinBot was unsure, said its articles do not cover the thing asked (not covered) or
/// was asked about something else entirely (out of scope), and where people said 👎 (by intent and by the
/// passage quoted, with the passage text, which is corpus and not user data).
/// </summary>
public sealed record FeedbackReport(
    DateTimeOffset Since,
    DateTimeOffset Until,
    int Answers,
    int VotesUp,
    int VotesDown,
    double LowConfidenceShare,
    double NotCoveredShare,
    double OutOfScopeShare,
    IReadOnlyList<DayCount> AnswersByDay,
    IReadOnlyList<IntentRow> Intents,
    IReadOnlyList<PassageRow> Passages,
    IReadOnlyList<NamedCount> CorpusVersions,
    IReadOnlyList<NamedCount> DownReasons,
    IReadOnlyList<QuestionCluster>? UnansweredQuestions)
{
    public double DownRate => VotesUp + VotesDown == 0 ? 0 : (double)VotesDown / (VotesUp + VotesDown);

    /// <summary>Passages shown in the 👎-by-passage table: the most disliked first.</summary>
    public const int MaxPassages = 15;

    public static FeedbackReport Build(FeedbackSnapshot snapshot, DateTimeOffset since, DateTimeOffset until, Func<string, string?> passageText)
    {
        var answers = snapshot.Answers;
        var byId = answers.ToDictionary(answer => answer.Id);
        var votes = snapshot.Votes;
        string IntentOf(VoteRecord vote) => byId.TryGetValue(vote.Answer, out var answer) ? answer.Intent : "unknown";

        var intents = answers.GroupBy(answer => answer.Intent)
            .Select(group =>
            {
                var onIntent = votes.Where(vote => IntentOf(vote) == group.Key).ToList();
                return new IntentRow(
                    group.Key,
                    group.Count(),
                    Share(group.Count(answer => answer.LowConfidence), group.Count()),
                    Share(group.Count(answer => answer.NotCovered), group.Count()),
                    onIntent.Count(vote => vote.Vote == Vote.Up),
                    onIntent.Count(vote => vote.Vote == Vote.Down));
            })
            .OrderByDescending(row => row.Answers).ThenBy(row => row.Intent, StringComparer.Ordinal)
            .ToList();

        var passageVotes = votes
            .Where(vote => byId.ContainsKey(vote.Answer))
            .SelectMany(vote => byId[vote.Answer].PassageIds.Select(passage => (passage, vote.Vote)))
            .GroupBy(pair => pair.passage)
            .Select(group => new PassageRow(
                group.Key,
                passageText(group.Key) ?? "(no longer in the corpus)",
                group.Count(pair => pair.Vote == Vote.Up),
                group.Count(pair => pair.Vote == Vote.Down)))
            .OrderByDescending(row => row.Down).ThenByDescending(row => row.DownRate).ThenBy(row => row.PassageId, StringComparer.Ordinal)
            .Take(MaxPassages)
            .ToList();

        var days = answers.GroupBy(answer => DateOnly.FromDateTime(answer.At.UtcDateTime))
            .OrderBy(group => group.Key)
            .Select(group => new DayCount(group.Key, group.Count(), group.GroupBy(answer => answer.Intent).ToDictionary(g => g.Key, g => g.Count())))
            .ToList();

        var withText = answers.Where(answer => answer.QuestionText is not null).ToList();
        IReadOnlyList<QuestionCluster>? unanswered = withText.Count == 0
            ? null
            : QuestionClusters.Of(withText
                .Where(answer => answer.LowConfidence || answer.NotCovered || answer.Intent == IntentIds.OutOfScope
                    || votes.Any(vote => vote.Answer == answer.Id && vote.Vote == Vote.Down))
                .Select(answer => answer.QuestionText!)
                .ToList());

        return new FeedbackReport(
            since,
            until,
            answers.Count,
            votes.Count(vote => vote.Vote == Vote.Up),
            votes.Count(vote => vote.Vote == Vote.Down),
            Share(answers.Count(answer => answer.LowConfidence), answers.Count),
            Share(answers.Count(answer => answer.NotCovered), answers.Count),
            Share(answers.Count(answer => answer.Intent == IntentIds.OutOfScope), answers.Count),
            days,
            intents,
            passageVotes,
            answers.GroupBy(answer => answer.CorpusVersion).Select(group => new NamedCount(group.Key, group.Count())).OrderByDescending(row => row.Count).ToList(),
            votes.Where(vote => vote.Vote == Vote.Down).GroupBy(vote => vote.Reason.ToName()).Select(group => new NamedCount(group.Key, group.Count())).OrderByDescending(row => row.Count).ToList(),
            unanswered);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

public sealed record DayCount(DateOnly Day, int Answers, IReadOnlyDictionary<string, int> ByIntent);

public sealed record IntentRow(string Intent, int Answers, double LowConfidenceShare, double NotCoveredShare, int Up, int Down)
{
    public double DownRate => Up + Down == 0 ? 0 : (double)Down / (Up + Down);
}

public sealed record PassageRow(string PassageId, string Text, int Up, int Down)
{
    public double DownRate => Up + Down == 0 ? 0 : (double)Down / (Up + Down);
}

public sealed record NamedCount(string Name, int Count);

/// <summary>Questions asked in nearly the same words, counted together; <see cref="Example"/> is the first of them.</summary>
public sealed record QuestionCluster(string Example, int Count);
