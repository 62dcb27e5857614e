using Microsoft.Playwright;
using SkinBot.Host.Feedback.Report;
using SkinBot.Host.Tests.Feedback;
using SkinBot.Host.Tests.Operations;
using SkinBot.Testing;
using static Microsoft.Playwright.Assertions;

namespace SkinBot.Host.Tests.Browser;

public sealed class FeedbackReportBrowserTests
{
    [BrowserFact]
    public async Task The_report_opens_from_a_file_with_its_charts_and_tables_and_nothing_to_fetch()
    {
        using var folder = new TempFolder();
        var report = FeedbackReport.Build(ReportFixture.Snapshot(withText: true), ReportFixture.Start, ReportFixture.Start.AddDays(7), id => ReportFixture.PassageTexts.GetValueOrDefault(id));
        var path = folder.Write("report.html", ReportRenderers.ToHtml(report));
        await using var browser = await BrowserSession.LaunchAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1000 } });
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(new Uri(path).AbsoluteUri);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SkinBot feedback report" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "answers per day" })).ToBeVisibleAsync();
        await Expect(page.Locator("svg rect")).ToHaveCountAsync(report.AnswersByDay.Count + report.Intents.Count(row => row.Up + row.Down > 0));
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "treatments#7" })).ToBeVisibleAsync();
        Assert.Equal([new Uri(path).AbsoluteUri], requests);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ArtifactDirectory(), "report.png"), FullPage = false });
        if (Environment.GetEnvironmentVariable("SKINBOT_UPDATE_DOCS_IMAGES") == "1")
        {
            // The README's picture of the report is made by this test: SKINBOT_UPDATE_DOCS_IMAGES=1 dotnet test --filter FeedbackReportBrowserTests.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Root, "docs", "images", "report.png"), Clip = new Clip { X = 0, Y = 0, Width = 900, Height = 620 } });
        }
    }
}
