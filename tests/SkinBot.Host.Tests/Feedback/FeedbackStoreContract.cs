using SkinBot.Core.Feedback;

namespace SkinBot.Host.Tests.Feedback;

/// <summary>What every feedback store must do, run against SQLite and PostgreSQL by the two test classes.</summary>
internal static class FeedbackStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static AnswerRecord Answer(DateTimeOffset at, UserHash? user = null, string? question = null, string intent = "scar_types") =>
        new(AnswerId.New(), "discord", intent, "boxcar", 0.82, false, "corpus-abc", ["scars#1", "scars#4"], at)
        {
            User = user,
            QuestionText = question,
        };

    public static async Task Migrations_run_once_and_again_without_harm(FeedbackDatabases database)
    {
        var store = database.Store();
        await store.MigrateAsync(CancellationToken.None);
        await store.MigrateAsync(CancellationToken.None);

        Assert.Equal(Host.Feedback.FeedbackMigrations.Latest, await store.SchemaVersionAsync(CancellationToken.None));
    }

    public static async Task One_person_has_one_vote_per_answer_and_a_new_vote_replaces_it(FeedbackDatabases database)
    {
        var store = database.Store();
        await store.MigrateAsync(CancellationToken.None);
        var answer = Answer(Now);
        var alice = new UserHash("alice-hash");
        var bob = new UserHash("bob-hash");
        await store.SaveAnswersAsync([answer], CancellationToken.None);

        await store.SaveVotesAsync([new VoteRecord(answer.Id, alice, Vote.Up, VoteReason.None, "discord", Now)], CancellationToken.None);
        await store.SaveVotesAsync([new VoteRecord(answer.Id, alice, Vote.Down, VoteReason.Unclear, "discord", Now.AddMinutes(1))], CancellationToken.None);
        await store.SaveVotesAsync([new VoteRecord(answer.Id, bob, Vote.Up, VoteReason.None, "discord", Now.AddMinutes(2))], CancellationToken.None);

        var snapshot = await store.ReadAsync(Now.AddDays(-1), CancellationToken.None);
        Assert.Equal(2, snapshot.Votes.Count);
        var alicesVote = Assert.Single(snapshot.Votes, vote => vote.User == alice);
        Assert.Equal(Vote.Down, alicesVote.Vote);
        Assert.Equal(VoteReason.Unclear, alicesVote.Reason);
        Assert.Equal(Now.AddMinutes(1), alicesVote.At);
        var stored = Assert.Single(snapshot.Answers);
        Assert.Equal(answer.PassageIds, stored.PassageIds);
        Assert.Equal(answer.Intent, stored.Intent);
        Assert.Equal(answer.CorpusVersion, stored.CorpusVersion);
    }

    public static async Task The_current_vote_of_a_person_on_an_answer_can_be_looked_up(FeedbackDatabases database)
    {
        var store = database.Store();
        await store.MigrateAsync(CancellationToken.None);
        var answer = Answer(Now);
        var alice = new UserHash("alice-hash");
        await store.SaveAnswersAsync([answer], CancellationToken.None);
        await store.SaveVotesAsync([new VoteRecord(answer.Id, alice, Vote.Up, VoteReason.None, "teams", Now)], CancellationToken.None);
        await store.SaveVotesAsync([new VoteRecord(answer.Id, alice, Vote.Down, VoteReason.Wrong, "teams", Now.AddMinutes(1))], CancellationToken.None);

        Assert.Equal(Vote.Down, await store.FindVoteAsync(answer.Id, alice, CancellationToken.None));
        Assert.Null(await store.FindVoteAsync(answer.Id, new UserHash("bob-hash"), CancellationToken.None));
        Assert.Null(await store.FindVoteAsync(AnswerId.New(), alice, CancellationToken.None));
    }

    public static async Task Forget_deletes_that_persons_votes_and_text_and_nobody_elses(FeedbackDatabases database)
    {
        var store = database.Store();
        await store.MigrateAsync(CancellationToken.None);
        var alice = new UserHash("alice-hash");
        var bob = new UserHash("bob-hash");
        var alicesAnswer = Answer(Now, alice, "why do my scars itch");
        var bobsAnswer = Answer(Now, bob, "what is subcision");
        await store.SaveAnswersAsync([alicesAnswer, bobsAnswer], CancellationToken.None);
        await store.SaveVotesAsync(
            [
                new VoteRecord(alicesAnswer.Id, alice, Vote.Down, VoteReason.Wrong, "discord", Now),
                new VoteRecord(bobsAnswer.Id, alice, Vote.Up, VoteReason.None, "discord", Now),
                new VoteRecord(bobsAnswer.Id, bob, Vote.Up, VoteReason.None, "discord", Now),
            ],
            CancellationToken.None);

        await store.ForgetAsync(alice, CancellationToken.None);

        var snapshot = await store.ReadAsync(Now.AddDays(-1), CancellationToken.None);
        Assert.Equal(bob, Assert.Single(snapshot.Votes).User);
        Assert.DoesNotContain(snapshot.Answers, answer => answer.User == alice);
        Assert.DoesNotContain(snapshot.Answers, answer => answer.QuestionText == "why do my scars itch");
        Assert.Contains(snapshot.Answers, answer => answer.QuestionText == "what is subcision");
        Assert.Equal(2, snapshot.Answers.Count);
    }

    public static async Task The_purge_drops_text_past_retention_and_keeps_newer_text_and_the_counts(FeedbackDatabases database)
    {
        var store = database.Store();
        await store.MigrateAsync(CancellationToken.None);
        var old = Answer(Now.AddDays(-40), new UserHash("a"), "an old question");
        var recent = Answer(Now.AddDays(-2), new UserHash("b"), "a recent question");
        await store.SaveAnswersAsync([old, recent], CancellationToken.None);
        await store.SaveVotesAsync([new VoteRecord(old.Id, new UserHash("a"), Vote.Down, VoteReason.Other, "web", Now.AddDays(-40)) { ReasonText = "old words" }], CancellationToken.None);

        await store.PurgeTextBeforeAsync(Now.AddDays(-30), CancellationToken.None);

        var snapshot = await store.ReadAsync(Now.AddDays(-100), CancellationToken.None);
        Assert.Null(Assert.Single(snapshot.Answers, answer => answer.Id == old.Id).QuestionText);
        Assert.Equal("a recent question", Assert.Single(snapshot.Answers, answer => answer.Id == recent.Id).QuestionText);
        var vote = Assert.Single(snapshot.Votes);
        Assert.Null(vote.ReasonText);
        Assert.Equal(VoteReason.Other, vote.Reason);
    }
}
