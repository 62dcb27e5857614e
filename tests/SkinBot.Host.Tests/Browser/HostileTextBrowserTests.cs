using Microsoft.Playwright;
using SkinBot.Host.Tests.Operations;
using static Microsoft.Playwright.Assertions;

namespace SkinBot.Host.Tests.Browser;

/// <summary>Text from people and from the corpus is shown as text, whatever it contains.</summary>
public sealed class HostileTextBrowserTests : IAsyncLifetime
{
    private readonly FakeChatEngine _engine = new();
    private TestApp? _app;
    private BrowserSession? _browser;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _browser = await BrowserSession.LaunchAsync();
        _app = await TestApp.StartAsync(_engine, kestrel: true);
        _page = await _browser.Browser.NewPageAsync();
        _page.SetDefaultTimeout(15_000);
        await _page.GotoAsync(_app.BaseAddress.ToString());
    }

    public async Task DisposeAsync()
    {
        // Initialisation may have stopped half-way (no Chromium): dispose only what was started.
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task Markup_in_a_question_or_an_answer_is_shown_as_text_and_never_runs()
    {
        var dialogs = 0;
        _page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        _engine.Respond = request => FakeChatEngine.SubstantiveAnswer(request) with
        {
            Headline = "<img src=x onerror=alert(1)>",
            Passages = [FakeChatEngine.SubstantiveAnswer(request).Passages[0] with { Text = "<script>alert(2)</script>" }],
            FollowUps = [new("<b>bold</b>", "javascript:alert(3)")],
        };

        await _page.GetByLabel("Your question").FillAsync("<b>bold?</b>");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(_page.Locator("article.answer .headline")).ToHaveTextAsync("<img src=x onerror=alert(1)>");
        await Expect(_page.Locator("article.answer blockquote")).ToHaveTextAsync("<script>alert(2)</script>");
        await Expect(_page.Locator("article.answer .followup")).ToHaveTextAsync("<b>bold</b>");
        await Expect(_page.Locator(".message.user").Last).ToHaveTextAsync("<b>bold?</b>");
        Assert.Equal(0, await _page.Locator(".conversation img, .conversation b, .conversation script").CountAsync());
        Assert.Equal(0, dialogs);
    }

    [BrowserFact]
    public async Task A_suppressed_answer_shows_a_short_notice_not_the_answer_and_a_refusal_shows_its_reason()
    {
        _engine.Respond = request => FakeChatEngine.SubstantiveAnswer(request) with { Suppressed = true };

        var box = _page.GetByLabel("Your question");
        await box.FillAsync("what are ice pick scars?");
        await box.PressAsync("Enter");
        await Expect(_page.Locator(".message.user")).ToHaveCountAsync(1);
        await Expect(_page.Locator(".message.notice")).ToHaveTextAsync("Ice pick scars");
        await Expect(_page.Locator("#typing")).ToBeHiddenAsync();

        Assert.Equal(0, await _page.Locator("article.answer").CountAsync());
        Assert.Single(_engine.Requests);

        // Past the page's own cap the page says so itself and sends nothing.
        await box.EvaluateAsync("(element) => { element.removeAttribute('maxlength'); element.value = 'x'.repeat(2001); }");
        await box.PressAsync("Enter");
        await Expect(_page.Locator(".message.error")).ToContainTextAsync("under 2000 characters");
        Assert.Single(_engine.Requests);
    }
}
