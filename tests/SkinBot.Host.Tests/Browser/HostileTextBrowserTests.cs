using Microsoft.Playwright;
using SkinBot.Host.Tests.Operations;
using SkinBot.Testing.Fakes;
using static Microsoft.Playwright.Assertions;

namespace SkinBot.Host.Tests.Browser;

/// <summary>Text from people and from the corpus is shown as text, whatever it contains.</summary>
public sealed class HostileTextBrowserTests : IAsyncLifetime
{
    private readonly FakeChatEngine _engine = new(HostAnswers.Substantive);
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
        _engine.Respond = request => HostAnswers.Substantive(request) with
        {
            Headline = "<img src=x onerror=alert(1)>",
            Passages = [HostAnswers.Substantive(request).Passages[0] with { Text = "<script>alert(2)</script>" }],
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
    public async Task Past_the_pages_own_cap_the_page_says_so_itself_and_sends_nothing()
    {
        var box = _page.GetByLabel("Your question");
        await box.EvaluateAsync("(element) => { element.removeAttribute('maxlength'); element.value = 'x'.repeat(2001); }");
        await box.PressAsync("Enter");
        await Expect(_page.Locator(".message.error")).ToContainTextAsync("under 2000 characters");
        Assert.Empty(_engine.Requests);
    }
}
