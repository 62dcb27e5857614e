using SkinBot.Host.Feedback.Report;

namespace SkinBot.Host.Tests.Feedback;

public sealed class FeedbackReportTests
{
    private static FeedbackReport Report(bool withText) =>
        FeedbackReport.Build(ReportFixture.Snapshot(withText), ReportFixture.Start, ReportFixture.Start.AddDays(7), id => ReportFixture.PassageTexts.GetValueOrDefault(id));

    [Fact]
    public void The_report_counts_answers_votes_and_shares_of_the_fixture_week()
    {
        var report = Report(withText: false);

        Assert.Equal(10, report.Answers);
        Assert.Equal(3, report.VotesUp);
        Assert.Equal(3, report.VotesDown);
        Assert.Equal(0.5, report.DownRate, 3);
        Assert.Equal(0.1, report.LowConfidenceShare, 3);
        Assert.Equal(0.1, report.NotCoveredShare, 3);
        Assert.Equal(0.2, report.OutOfScopeShare, 3);
        Assert.Equal(7, report.AnswersByDay.Count);
        var treatments = Assert.Single(report.Intents, row => row.Intent == "treatment_in_office");
        Assert.Equal((6, 2, 2), (treatments.Answers, treatments.Up, treatments.Down));
        Assert.Equal([("corpus-v2", 6), ("corpus-v1", 4)], report.CorpusVersions.Select(version => (version.Name, version.Count)));
    }

    [Fact]
    public void The_most_disliked_passage_comes_first_with_its_corpus_text()
    {
        var worst = Report(withText: false).Passages[0];

        Assert.Equal("treatments#7", worst.PassageId);
        Assert.Equal(2, worst.Down);
        Assert.Equal(ReportFixture.PassageTexts["treatments#7"], worst.Text);
    }

    [Fact]
    public void Unanswered_questions_appear_only_when_text_was_kept_and_similar_ones_are_counted_together()
    {
        Assert.Null(Report(withText: false).UnansweredQuestions);

        var clusters = Report(withText: true).UnansweredQuestions!;
        Assert.Equal(2, clusters[0].Count);
        Assert.Contains("laser", clusters[0].Example, StringComparison.Ordinal);
        Assert.DoesNotContain(clusters, cluster => cluster.Example.Contains("subcision", StringComparison.Ordinal));
    }

    [Fact]
    public void The_html_page_is_self_contained_with_inline_charts_and_escaped_text()
    {
        var snapshot = ReportFixture.Snapshot(withText: true);
        var hostile = snapshot with { Answers = [.. snapshot.Answers.Select(answer => answer.QuestionText == "tattoo removal cost" ? answer with { QuestionText = "<script>alert(1)</script> tattoo" } : answer)] };
        var html = ReportRenderers.ToHtml(FeedbackReport.Build(hostile, ReportFixture.Start, ReportFixture.Start.AddDays(7), _ => null));

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<b>10.0 %</b>not covered</div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_and_json_forms_carry_the_same_numbers()
    {
        var report = Report(withText: false);

        var markdown = ReportRenderers.ToMarkdown(report);
        var json = System.Text.Json.JsonDocument.Parse(ReportRenderers.ToJson(report)).RootElement;

        Assert.Contains("| treatment_in_office | 6 | 16.7 % | 16.7 % | 2 | 2 | 50.0 % |", markdown, StringComparison.Ordinal);
        Assert.Contains("Low confidence: 10.0 %. Not covered: 10.0 %. Out of scope: 20.0 %.", markdown, StringComparison.Ordinal);
        Assert.Equal(10, json.GetProperty("answers").GetInt32());
        Assert.Equal(0.1, json.GetProperty("notCoveredShare").GetDouble(), 3);
        Assert.Equal(0.1, json.GetProperty("lowConfidenceShare").GetDouble(), 3);
        Assert.Equal(0.2, json.GetProperty("outOfScopeShare").GetDouble(), 3);
        var treatments = json.GetProperty("intents").EnumerateArray().Single(row => row.GetProperty("intent").GetString() == "treatment_in_office");
        Assert.Equal(1 / 6.0, treatments.GetProperty("notCoveredShare").GetDouble(), 3);
        Assert.Equal("treatments#7", json.GetProperty("passages")[0].GetProperty("passageId").GetString());
    }

    [Fact]
    public async Task The_report_reads_the_same_from_a_sqlite_store()
    {
        await using var database = FeedbackDatabases.Sqlite();
        var store = database.Store();
        await store.MigrateAsync(CancellationToken.None);
        var snapshot = ReportFixture.Snapshot(withText: false);
        await store.SaveAnswersAsync(snapshot.Answers, CancellationToken.None);
        await store.SaveVotesAsync(snapshot.Votes, CancellationToken.None);

        var read = await store.ReadAsync(ReportFixture.Start, CancellationToken.None);
        var report = FeedbackReport.Build(read, ReportFixture.Start, ReportFixture.Start.AddDays(7), id => ReportFixture.PassageTexts.GetValueOrDefault(id));

        Assert.Equal(ReportRenderers.ToMarkdown(Report(withText: false)), ReportRenderers.ToMarkdown(report));
    }
}
