using SkinBot.Core.Domain;
using SkinBot.Core.Feedback;

namespace SkinBot.Host.Tests.Feedback;

/// <summary>A week of answers and votes: what the report tests read, written once here so every number below can be checked by hand.</summary>
internal static class ReportFixture
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, string> PassageTexts = new Dictionary<string, string>
    {
        ["treatments#3"] = "Subcision releases the bands that pull rolling scars down.",
        ["treatments#7"] = "Microneedling makes small wounds that prompt new collagen.",
        ["types#1"] = "Ice pick scars are narrow and deep.",
    };

    /// <summary>
    /// 10 answers: 6 treatment_in_office (1 low confidence, 1 not covered), 2 scar_types, 2 out_of_scope (one with a 👎).
    /// Votes: 3 up and 3 down; the downs are on treatments#7 twice and on an out-of-scope answer.
    /// </summary>
    public static FeedbackSnapshot Snapshot(bool withText)
    {
        var answers = new List<AnswerRecord>();
        var votes = new List<VoteRecord>();
        AnswerRecord Add(int day, string intent, bool low, string[] passages, string question, bool notCovered = false)
        {
            var answer = new AnswerRecord(AnswerId.New(), "discord", intent, null, low ? 0.2 : 0.8, low, day < 4 ? "corpus-v1" : "corpus-v2", passages, Start.AddDays(day))
            {
                QuestionText = withText ? question : null,
                NotCovered = notCovered,
            };
            answers.Add(answer);
            return answer;
        }

        void VoteOn(AnswerRecord answer, string user, Vote vote, VoteReason reason = VoteReason.None) =>
            votes.Add(new VoteRecord(answer.Id, new UserHash(user), vote, reason, "discord", answer.At.AddMinutes(1)));

        var subcision = Add(0, "treatment_in_office", false, ["treatments#3"], "what is subcision");
        VoteOn(subcision, "u1", Vote.Up);
        VoteOn(subcision, "u2", Vote.Up);
        var needling1 = Add(1, "treatment_in_office", false, ["treatments#7"], "does microneedling hurt");
        VoteOn(needling1, "u1", Vote.Down, VoteReason.DidNotAnswer);
        var needling2 = Add(2, "treatment_in_office", false, ["treatments#7", "treatments#3"], "microneedling at home vs clinic");
        VoteOn(needling2, "u3", Vote.Down, VoteReason.Unclear);
        Add(3, "treatment_in_office", true, [], "can lasers fix my pits?");
        Add(4, "treatment_in_office", false, [], "can laser fix pits on my cheeks", notCovered: true);
        Add(4, "treatment_in_office", false, ["treatments#3"], "rolling scar treatment");
        var icePick = Add(5, IntentIds.ScarTypes, false, ["types#1"], "what are ice pick scars");
        VoteOn(icePick, "u4", Vote.Up);
        Add(5, IntentIds.ScarTypes, false, ["types#1"], "ice pick scar meaning");
        var tattoo = Add(6, IntentIds.OutOfScope, false, [], "how do I remove a tattoo");
        VoteOn(tattoo, "u5", Vote.Down, VoteReason.Wrong);
        Add(6, IntentIds.OutOfScope, false, [], "tattoo removal cost");
        return new FeedbackSnapshot(answers, votes);
    }
}
