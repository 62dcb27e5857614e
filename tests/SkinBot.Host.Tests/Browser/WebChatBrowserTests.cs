using Microsoft.Playwright;
using SkinBot.Host.Tests.Operations;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SkinBot.Host.Tests.Browser;

/// <summary>A person using the web chat of the real host (real engine, repository corpus) in headless Chromium at phone width.</summary>
public sealed class WebChatBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RealHost? _host;
    private BrowserSession? _browser;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _browser = await BrowserSession.LaunchAsync();
        _host = await RealHost.StartAsync();
        _page = await _browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        _page.SetDefaultTimeout(15_000);
        await _page.GotoAsync(_host.BaseAddress.ToString());
    }

    public async Task DisposeAsync()
    {
        // Initialisation may have stopped half-way (no Chromium): dispose only what was started.
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task A_message_in_crisis_gets_an_alert_with_people_to_call_and_no_follow_up_buttons()
    {
        var box = _page.GetByLabel("Your question");
        await box.FillAsync("honestly everyone would be better off without me. what laser fixes boxcar scars?");
        await box.PressAsync("Enter");

        var answer = _page.Locator("article.answer").First;
        await Expect(answer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("urgent-crisis"));
        await Expect(answer).ToHaveAttributeAsync("role", "alert");
        await Expect(answer.Locator(".text")).ToContainTextAsync("988");
        await Expect(answer.Locator(".text")).ToContainTextAsync("116 123");
        await Expect(answer.Locator("button.followup")).ToHaveCountAsync(0);
        await Expect(answer.Locator("blockquote")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task A_question_shows_an_answer_with_its_caveat_and_a_follow_up_button_asks_the_follow_up()
    {
        var box = _page.GetByLabel("Your question");
        await box.FillAsync("what are ice pick scars?");
        await box.PressAsync("Enter");

        var answers = _page.Locator("article.answer");
        await Expect(answers).ToHaveCountAsync(1);
        var first = answers.Nth(0);
        await Expect(first.Locator(".headline")).ToContainTextAsync("Ice pick");
        await Expect(first.Locator("blockquote").First).ToBeVisibleAsync();
        await Expect(first.Locator("figcaption").First).ToContainTextAsync("Pockmarks");
        await Expect(first.Locator(".caveat")).ToBeVisibleAsync();
        await Expect(first.Locator(".caveat")).ToContainTextAsync("dermatologist");
        await Expect(_page.Locator("#typing")).ToBeHiddenAsync();
        await Expect(box).ToBeFocusedAsync();

        var followUp = first.Locator("button.followup").First;
        var question = await followUp.GetAttributeAsync("data-question");
        Assert.False(string.IsNullOrWhiteSpace(question));
        await followUp.ClickAsync();

        await Expect(answers).ToHaveCountAsync(2);
        await Expect(_page.Locator(".message.user").Last).ToHaveTextAsync(question!);
        await Expect(answers.Nth(1).Locator(".headline")).Not.ToBeEmptyAsync();
        await Expect(_page.Locator(".message.error")).ToHaveCountAsync(0);

        var fitsThePhone = await _page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
        Assert.True(fitsThePhone, "The page scrolls sideways at phone width.");

        var phone = Path.Combine(BrowserSession.ArtifactDirectory(), "web-chat.png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = phone });
        await _page.SetViewportSizeAsync(1280, 900);
        var desktop = Path.Combine(BrowserSession.ArtifactDirectory(), "web-chat-desktop.png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = desktop });
        foreach (var screenshot in new[] { phone, desktop })
        {
            output.WriteLine($"Screenshot: {screenshot}");
            Console.WriteLine($"Web chat screenshot: {screenshot}");
            Assert.True(new FileInfo(screenshot).Length > 0);
        }
    }

    [BrowserFact]
    public async Task The_chat_works_from_the_keyboard_alone_including_typed_commands_and_follow_ups()
    {
        // Focus starts in the message box; type a command, Enter, then Shift+Tab back past the vote buttons to the newest follow-up and press it.
        await Expect(_page.GetByLabel("Your question")).ToBeFocusedAsync();
        await _page.Keyboard.TypeAsync("/scar boxcar");
        await _page.Keyboard.PressAsync("Enter");
        var answers = _page.Locator("article.answer");
        await Expect(answers).ToHaveCountAsync(1);
        await Expect(answers.First.Locator(".headline")).ToContainTextAsync("Boxcar");

        // Back past the answer's two vote buttons (👎 then 👍), which come after its follow-ups.
        await _page.Keyboard.PressAsync("Shift+Tab");
        await Expect(answers.First.GetByRole(AriaRole.Button, new() { Name = "👎 Not helpful" })).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("Shift+Tab");
        await _page.Keyboard.PressAsync("Shift+Tab");
        var lastFollowUp = answers.First.Locator("button.followup").Last;
        await Expect(lastFollowUp).ToBeFocusedAsync();
        var question = await lastFollowUp.GetAttributeAsync("data-question");
        await _page.Keyboard.PressAsync("Enter");

        await Expect(answers).ToHaveCountAsync(2);
        await Expect(_page.Locator(".message.user").Last).ToHaveTextAsync(question!);
        await Expect(_page.GetByLabel("Your question")).ToBeFocusedAsync();
    }
}
