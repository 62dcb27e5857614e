using Microsoft.Playwright;
using SkinBot.Host.Tests.Operations;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SkinBot.Host.Tests.Browser;

/// <summary>A person using the web chat in a real headless Chromium, at phone width.</summary>
public sealed class WebChatBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly FakeChatEngine _engine = new();
    private TestApp _app = null!;
    private BrowserSession _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _app = await TestApp.StartAsync(_engine, kestrel: true);
        _browser = await BrowserSession.LaunchAsync();
        _page = await _browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        _page.SetDefaultTimeout(15_000);
        await _page.GotoAsync(_app.BaseAddress.ToString());
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_question_shows_an_answer_with_its_caveat_and_a_follow_up_button_asks_the_follow_up()
    {
        var box = _page.GetByLabel("Your question");
        await box.FillAsync("what are ice pick scars?");
        await box.PressAsync("Enter");

        var answers = _page.Locator("article.answer");
        await Expect(answers).ToHaveCountAsync(1);
        var first = answers.Nth(0);
        await Expect(first.Locator(".headline")).ToHaveTextAsync("Ice pick scars");
        await Expect(first.Locator("blockquote")).ToContainTextAsync("narrow, deep scars");
        await Expect(first.Locator("figcaption")).ToContainTextAsync("How to get rid of pockmarks");
        await Expect(first.Locator(".caveat")).ToBeVisibleAsync();
        await Expect(first.Locator(".caveat")).ToContainTextAsync("dermatologist");
        await Expect(_page.Locator("#typing")).ToBeHiddenAsync();
        await Expect(box).ToBeFocusedAsync();

        await first.GetByRole(AriaRole.Button, new() { Name = "Treatments for boxcar scars" }).ClickAsync();

        await Expect(answers).ToHaveCountAsync(2);
        await Expect(_page.Locator(".message.user").Last).ToHaveTextAsync("how are boxcar scars treated?");
        await Expect(answers.Nth(1).Locator(".headline")).ToHaveTextAsync("Boxcar scars");
        Assert.Equal(["what are ice pick scars?", "how are boxcar scars treated?"], _engine.Requests.Select(r => r.Text));
        Assert.Single(_engine.Requests.Select(r => r.ConversationId).Distinct());

        var fitsThePhone = await _page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
        Assert.True(fitsThePhone, "The page scrolls sideways at phone width.");

        var screenshot = Path.Combine(BrowserSession.ArtifactDirectory(), "web-chat.png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");
        Console.WriteLine($"Web chat screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 0);
    }

    [Fact]
    public async Task The_chat_works_from_the_keyboard_alone()
    {
        // Focus starts in the message box; type, Enter, then Shift+Tab back to the newest follow-up and press it.
        await Expect(_page.GetByLabel("Your question")).ToBeFocusedAsync();
        await _page.Keyboard.TypeAsync("/scar boxcar");
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.Locator("article.answer")).ToHaveCountAsync(1);

        await _page.Keyboard.PressAsync("Shift+Tab");
        await Expect(_page.Locator("article.answer .followup").Last).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("Enter");

        await Expect(_page.Locator("article.answer")).ToHaveCountAsync(2);
        await Expect(_page.GetByLabel("Your question")).ToBeFocusedAsync();
        Assert.Equal(["/scar boxcar", "how can I prevent acne scars?"], _engine.Requests.Select(r => r.Text));
        Assert.Equal("scar", _engine.Requests.First().Command?.Name);
    }

    [Fact]
    public async Task Text_that_looks_like_html_is_shown_as_text()
    {
        _engine.Respond = request => FakeChatEngine.SubstantiveAnswer(request) with { Headline = "<img src=x onerror=alert(1)>" };

        await _page.GetByLabel("Your question").FillAsync("<b>bold?</b>");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(_page.Locator("article.answer .headline")).ToHaveTextAsync("<img src=x onerror=alert(1)>");
        await Expect(_page.Locator(".message.user").Last).ToHaveTextAsync("<b>bold?</b>");
        Assert.Equal(0, await _page.Locator(".conversation img, .conversation b").CountAsync());
    }
}
