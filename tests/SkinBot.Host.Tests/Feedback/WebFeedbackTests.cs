using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkinBot.Core.Feedback;
using SkinBot.Host.Feedback;
using SkinBot.Host.Tests.Operations;
using SkinBot.Testing;
using SkinBot.Testing.Fakes;

namespace SkinBot.Host.Tests.Feedback;

public sealed class WebFeedbackTests
{
    private const int ConnectTimeoutSeconds = 8;

    private const string Question = "my boxcar scars make me hate school photos, what helps?";

    [Fact]
    public async Task A_visitor_has_one_vote_per_answer_and_changing_it_replaces_it()
    {
        using var folder = new TempFolder();
        await using var app = await FeedbackTestApp.StartAsync(new FakeChatEngine(HostAnswers.Substantive), Settings(folder, storeText: false), folder.Path);

        var answerId = await AskAsync(app);
        await VoteAsync(app, answerId, "up");
        var acknowledgement = await VoteAsync(app, answerId, "down", "unclear", "too many words");
        await app.Services.GetRequiredService<FeedbackWriter>().FlushAsync(CancellationToken.None);

        Assert.Contains("Thanks", acknowledgement, StringComparison.Ordinal);
        var snapshot = await app.Services.GetRequiredService<IFeedbackStore>().ReadAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        var vote = Assert.Single(snapshot.Votes);
        Assert.Equal(Vote.Down, vote.Vote);
        Assert.Equal(VoteReason.Unclear, vote.Reason);
        Assert.Equal(answerId, vote.Answer.Value);
        Assert.Equal(["pockmarks#12"], Assert.Single(snapshot.Answers).PassageIds);
    }

    [Fact]
    public async Task Pressing_the_same_vote_again_is_acknowledged_as_already_counted_and_a_change_as_changed()
    {
        using var folder = new TempFolder();
        await using var app = await FeedbackTestApp.StartAsync(new FakeChatEngine(HostAnswers.Substantive), Settings(folder, storeText: false), folder.Path);
        var answerId = await AskAsync(app);

        var first = await VoteDocumentAsync(app, answerId, "up");
        var again = await VoteDocumentAsync(app, answerId, "up");
        var changed = await VoteDocumentAsync(app, answerId, "down");
        await app.Services.GetRequiredService<FeedbackWriter>().FlushAsync(CancellationToken.None);

        Assert.Equal(["first", "same", "changed"], new[] { first, again, changed }.Select(document => document.GetProperty("change").GetString()));
        Assert.Equal(FeedbackTexts.ThanksUp, first.GetProperty("message").GetString());
        Assert.Contains("already voted 👍", again.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("now 👎", changed.GetProperty("message").GetString(), StringComparison.Ordinal);
        var snapshot = await app.Services.GetRequiredService<IFeedbackStore>().ReadAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Equal(Vote.Down, Assert.Single(snapshot.Votes).Vote);
    }

    [Fact]
    public async Task A_reason_sent_after_the_thumbs_down_it_explains_is_kept_and_thanked_not_called_a_repeat()
    {
        using var folder = new TempFolder();
        await using var app = await FeedbackTestApp.StartAsync(new FakeChatEngine(HostAnswers.Substantive), Settings(folder, storeText: false), folder.Path);
        var answerId = await AskAsync(app);

        await VoteDocumentAsync(app, answerId, "down");
        var withReason = await VoteDocumentAsync(app, answerId, "down", "wrong");
        await app.Services.GetRequiredService<FeedbackWriter>().FlushAsync(CancellationToken.None);

        Assert.Equal("same", withReason.GetProperty("change").GetString());
        Assert.StartsWith("Thanks for telling me why", withReason.GetProperty("message").GetString(), StringComparison.Ordinal);
        var snapshot = await app.Services.GetRequiredService<IFeedbackStore>().ReadAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Equal(VoteReason.Wrong, Assert.Single(snapshot.Votes).Reason);
    }

    [Fact]
    public async Task Without_opting_in_no_question_text_reason_text_or_raw_user_id_is_stored()
    {
        using var folder = new TempFolder();
        var engine = new FakeChatEngine(HostAnswers.Substantive);
        await using var app = await FeedbackTestApp.StartAsync(engine, Settings(folder, storeText: false), folder.Path);

        var answerId = await AskAsync(app);
        await VoteAsync(app, answerId, "down", "other", "it ignored my question about photos");
        await app.Services.GetRequiredService<FeedbackWriter>().FlushAsync(CancellationToken.None);

        var userId = Assert.Single(engine.Requests).UserId;
        var snapshot = await app.Services.GetRequiredService<IFeedbackStore>().ReadAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        var answer = Assert.Single(snapshot.Answers);
        var vote = Assert.Single(snapshot.Votes);
        Assert.Null(answer.QuestionText);
        Assert.Null(vote.ReasonText);
        Assert.NotEqual(userId, vote.User.Value);
        Assert.Equal(vote.User, answer.User);

        // The whole file, not just what the store reads back: neither the question nor the id is anywhere in it.
        var bytes = await ReadDatabaseFilesAsync(folder.Path);
        Assert.DoesNotContain("hate school photos", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("ignored my question", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain(userId, bytes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_opting_in_the_question_text_is_kept_for_the_report()
    {
        using var folder = new TempFolder();
        await using var app = await FeedbackTestApp.StartAsync(new FakeChatEngine(HostAnswers.Substantive), Settings(folder, storeText: true), folder.Path);

        await AskAsync(app);
        await app.Services.GetRequiredService<FeedbackWriter>().FlushAsync(CancellationToken.None);

        var snapshot = await app.Services.GetRequiredService<IFeedbackStore>().ReadAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Equal(Question, Assert.Single(snapshot.Answers).QuestionText);
    }

    [Fact]
    public async Task Typing_forget_deletes_the_visitors_votes_and_privacy_says_what_is_kept()
    {
        using var folder = new TempFolder();
        await using var app = await FeedbackTestApp.StartAsync(new FakeChatEngine(HostAnswers.Substantive), Settings(folder, storeText: false), folder.Path);
        var answerId = await AskAsync(app);
        await VoteAsync(app, answerId, "up");

        var privacy = await SendAsync(app, "privacy");
        var forget = await SendAsync(app, "forget");
        await app.Services.GetRequiredService<FeedbackWriter>().FlushAsync(CancellationToken.None);

        Assert.Contains("do not keep the text of your questions", privacy.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(privacy.TryGetProperty("answerId", out _));
        Assert.Contains("deleted your votes", forget.GetProperty("message").GetString(), StringComparison.Ordinal);
        var snapshot = await app.Services.GetRequiredService<IFeedbackStore>().ReadAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Empty(snapshot.Votes);
        Assert.All(snapshot.Answers, answer => Assert.Null(answer.User));
    }

    [Fact]
    public async Task A_vote_for_an_id_that_is_not_an_answer_id_is_refused()
    {
        using var folder = new TempFolder();
        await using var app = await FeedbackTestApp.StartAsync(new FakeChatEngine(HostAnswers.Substantive), Settings(folder, storeText: false), folder.Path);

        using var response = await app.Client.PostAsJsonAsync("api/feedback", new { answerId = "../../etc/passwd", vote = "up" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task When_the_database_hangs_answers_still_flow_and_the_lost_feedback_is_counted()
    {
        using var folder = new TempFolder();
        using var meter = new FeedbackMeterListener();

        // A "database" that accepts connections and never says a word: anything that waited for it would wait the
        // whole connect timeout, so an answer quicker than that did not wait.
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var settings = new Dictionary<string, string?>
        {
            ["Feedback:Provider"] = "postgres",
            ["Feedback:ConnectionString"] = $"Host=127.0.0.1;Port={port};Database=none;Username=none;Password=none;Timeout={ConnectTimeoutSeconds}",
            ["Feedback:UserHashKey"] = FeedbackTestApp.NewKey(),
        };
        await using var app = await FeedbackTestApp.StartAsync(new FakeChatEngine(HostAnswers.Substantive), settings, folder.Path);

        var slowest = TimeSpan.Zero;
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            Assert.NotEmpty(await AskAsync(app));
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
        }

        await app.Services.GetRequiredService<FeedbackWriter>().FlushAsync(CancellationToken.None);

        Assert.True(slowest < TimeSpan.FromSeconds(ConnectTimeoutSeconds / 2.0), $"the slowest answer took {slowest.TotalMilliseconds:0} ms");
        Assert.True(meter.Dropped >= 5, $"dropped {meter.Dropped}");
    }

    private static Dictionary<string, string?> Settings(TempFolder folder, bool storeText) => new()
    {
        ["Feedback:DataPath"] = folder.Path,
        ["Feedback:StoreQuestionText"] = storeText ? "true" : "false",
    };

    private static async Task<string> AskAsync(TestApp app)
    {
        var document = await SendAsync(app, Question);
        return document.GetProperty("answerId").GetString()!;
    }

    private static async Task<JsonElement> SendAsync(TestApp app, string text)
    {
        using var response = await app.Client.PostAsJsonAsync("api/chat", new { text, conversationId = "tab-1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> VoteAsync(TestApp app, string answerId, string vote, string? reason = null, string? comment = null) =>
        (await VoteDocumentAsync(app, answerId, vote, reason, comment)).GetProperty("message").GetString()!;

    private static async Task<JsonElement> VoteDocumentAsync(TestApp app, string answerId, string vote, string? reason = null, string? comment = null)
    {
        using var response = await app.Client.PostAsJsonAsync("api/feedback", new { answerId, vote, reason, comment });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> ReadDatabaseFilesAsync(string folder)
    {
        SqliteConnectionPools.Clear();
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.EnumerateFiles(folder, FeedbackStoreFactory.SqliteFileName + "*"))
        {
            try
            {
                text.Append(System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)));
            }
            catch (FileNotFoundException)
            {
                // The shared-memory file goes when the last connection closes; it never holds rows.
            }
        }

        return text.ToString();
    }
}

internal static class SqliteConnectionPools
{
    public static void Clear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
