namespace SkinBot.Host.Tests.Feedback;

public sealed class PostgresFeedbackStoreTests
{
    [PostgresFact]
    public async Task Migrations_run_once_and_again_without_harm()
    {
        await using var database = await FeedbackDatabases.PostgresAsync();
        await FeedbackStoreContract.Migrations_run_once_and_again_without_harm(database);
    }

    [PostgresFact]
    public async Task One_person_has_one_vote_per_answer_and_a_new_vote_replaces_it()
    {
        await using var database = await FeedbackDatabases.PostgresAsync();
        await FeedbackStoreContract.One_person_has_one_vote_per_answer_and_a_new_vote_replaces_it(database);
    }

    [PostgresFact]
    public async Task The_current_vote_of_a_person_on_an_answer_can_be_looked_up()
    {
        await using var database = await FeedbackDatabases.PostgresAsync();
        await FeedbackStoreContract.The_current_vote_of_a_person_on_an_answer_can_be_looked_up(database);
    }

    [PostgresFact]
    public async Task Forget_deletes_that_persons_votes_and_text_and_nobody_elses()
    {
        await using var database = await FeedbackDatabases.PostgresAsync();
        await FeedbackStoreContract.Forget_deletes_that_persons_votes_and_text_and_nobody_elses(database);
    }

    [PostgresFact]
    public async Task The_purge_drops_text_past_retention_and_keeps_newer_text_and_the_counts()
    {
        await using var database = await FeedbackDatabases.PostgresAsync();
        await FeedbackStoreContract.The_purge_drops_text_past_retention_and_keeps_newer_text_and_the_counts(database);
    }
}
