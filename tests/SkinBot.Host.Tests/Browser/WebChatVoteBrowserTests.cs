using Microsoft.Playwright;
using SkinBot.Host.Tests.Operations;
using static Microsoft.Playwright.Assertions;

namespace SkinBot.Host.Tests.Browser;

/// <summary>A visitor voting on an answer in the real host's web chat, in headless Chromium.</summary>
public sealed class WebChatVoteBrowserTests
{
    [BrowserFact]
    public async Task A_visitor_can_say_an_answer_helped_then_change_it_to_not_helpful_with_a_reason()
    {
        SetDefaultExpectTimeout(15_000);
        await using var browser = await BrowserSession.LaunchAsync();
        await using var host = await RealHost.StartAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync(host.BaseAddress.ToString());

        var box = page.GetByLabel("Your question");
        await box.FillAsync("what are boxcar scars?");
        await box.PressAsync("Enter");
        var answer = page.Locator("article.answer").First;
        var votes = answer.GetByRole(AriaRole.Group, new() { Name = "Was this helpful?" });

        await votes.GetByRole(AriaRole.Button, new() { Name = "👍 Helpful" }).ClickAsync();
        await Expect(votes.GetByRole(AriaRole.Status)).ToContainTextAsync("glad it helped");
        await votes.GetByRole(AriaRole.Button, new() { Name = "👎 Not helpful" }).ClickAsync();
        await votes.GetByLabel("What was wrong with it?").SelectOptionAsync("unclear");
        await votes.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(votes.GetByRole(AriaRole.Status)).ToContainTextAsync("Thanks for telling me");
        await Expect(votes.GetByRole(AriaRole.Button, new() { Name = "👎 Not helpful" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(votes.Locator("form")).ToHaveCountAsync(0);
    }
}
