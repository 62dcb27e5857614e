using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkinBot.Core.Feedback;
using SkinBot.Host.Feedback;

namespace SkinBot.Host.Tests.Feedback;

public sealed class VoteHistoryTests
{
    private static readonly UserHash Alice = new("alice-hash");

    [Fact]
    public async Task A_vote_saved_by_another_replica_or_before_a_restart_is_found_in_the_database()
    {
        await using var database = FeedbackDatabases.Sqlite();
        var store = database.Store();
        await store.MigrateAsync(CancellationToken.None);
        var answer = AnswerId.New();
        await store.SaveVotesAsync([new VoteRecord(answer, Alice, Vote.Up, VoteReason.None, "discord", DateTimeOffset.UtcNow)], CancellationToken.None);

        var history = History(store, TimeSpan.FromSeconds(1));

        Assert.Equal(Vote.Up, await history.EarlierAsync(answer, Alice, CancellationToken.None));
        Assert.Null(await history.EarlierAsync(AnswerId.New(), Alice, CancellationToken.None));
    }

    [Fact]
    public async Task A_vote_still_queued_is_known_before_it_reaches_the_database_and_forget_clears_it()
    {
        await using var database = FeedbackDatabases.Sqlite();
        var history = History(database.Store(), TimeSpan.FromSeconds(1));
        var answer = AnswerId.New();

        history.Remember(answer, Alice, Vote.Down);
        var remembered = await history.EarlierAsync(answer, Alice, CancellationToken.None);
        history.Forget(Alice);

        Assert.Equal(Vote.Down, remembered);
        Assert.Null(await history.EarlierAsync(answer, Alice, CancellationToken.None));
    }

    [Fact]
    public async Task A_database_that_does_not_answer_costs_the_press_only_the_lookup_budget()
    {
        // Accepts connections and never says a word: a lookup that waited for it would wait the whole connect timeout.
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var options = new FeedbackOptions
        {
            Provider = FeedbackProvider.Postgres,
            ConnectionString = $"Host=127.0.0.1;Port={port};Database=none;Username=none;Password=none;Timeout=10",
        };
        var history = History(FeedbackStoreFactory.Create(options, Path.GetTempPath()), TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        var earlier = await history.EarlierAsync(AnswerId.New(), Alice, CancellationToken.None);

        Assert.Null(earlier);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the lookup took {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    private static VoteHistory History(IFeedbackStore store, TimeSpan budget) =>
        new(store, Options.Create(new FeedbackOptions { VoteLookupTimeout = budget }), NullLogger<VoteHistory>.Instance);
}
