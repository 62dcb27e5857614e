using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SkinBot.Core.Feedback;
using SkinBot.Host.Feedback;

namespace SkinBot.Host.Tests.Feedback;

public sealed class FeedbackPurgeTests
{
    [Fact]
    public async Task The_purge_deletes_kept_question_text_once_it_is_older_than_the_retention()
    {
        await using var database = FeedbackDatabases.Sqlite();
        var store = database.Store();
        await store.MigrateAsync(CancellationToken.None);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new FeedbackOptions { StoreQuestionText = true, TextRetention = TimeSpan.FromDays(30) });
        var purge = new FeedbackPurge(store, options, time, NullLogger<FeedbackPurge>.Instance);
        var answer = FeedbackStoreContract.Answer(time.GetUtcNow(), new UserHash("h"), "why are my scars deeper in winter");
        await store.SaveAnswersAsync([answer], CancellationToken.None);

        time.Advance(TimeSpan.FromDays(29));
        await purge.PurgeOnceAsync(CancellationToken.None);
        var kept = (await store.ReadAsync(DateTimeOffset.UnixEpoch, CancellationToken.None)).Answers.Single().QuestionText;
        time.Advance(TimeSpan.FromDays(2));
        await purge.PurgeOnceAsync(CancellationToken.None);
        var afterRetention = (await store.ReadAsync(DateTimeOffset.UnixEpoch, CancellationToken.None)).Answers.Single();

        Assert.Equal("why are my scars deeper in winter", kept);
        Assert.Null(afterRetention.QuestionText);
        Assert.Equal(answer.Intent, afterRetention.Intent);
    }

    [Fact]
    public async Task Turning_text_keeping_off_makes_the_next_purge_delete_all_kept_text()
    {
        await using var database = FeedbackDatabases.Sqlite();
        var store = database.Store();
        await store.MigrateAsync(CancellationToken.None);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await store.SaveAnswersAsync([FeedbackStoreContract.Answer(time.GetUtcNow(), null, "a question kept yesterday")], CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));

        await new FeedbackPurge(store, Options.Create(new FeedbackOptions { StoreQuestionText = false }), time, NullLogger<FeedbackPurge>.Instance).PurgeOnceAsync(CancellationToken.None);

        Assert.Null((await store.ReadAsync(DateTimeOffset.UnixEpoch, CancellationToken.None)).Answers.Single().QuestionText);
    }

    [Fact]
    public async Task The_purge_on_start_makes_the_tables_of_a_new_database_instead_of_failing_on_them()
    {
        await using var database = FeedbackDatabases.Sqlite();
        var store = database.Store();
        using var purge = new FeedbackPurge(store, Options.Create(new FeedbackOptions()), TimeProvider.System, NullLogger<FeedbackPurge>.Instance);

        await purge.StartAsync(CancellationToken.None);
        var latest = FeedbackMigrations.Latest;
        var version = 0;
        for (var attempt = 0; attempt < 100 && version < latest; attempt++)
        {
            try
            {
                version = await store.SchemaVersionAsync(CancellationToken.None);
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // Not made yet: the purge runs in the background.
            }

            if (version < latest)
            {
                await Task.Delay(50);
            }
        }

        await purge.StopAsync(CancellationToken.None);
        Assert.Equal(latest, version);
    }
}
