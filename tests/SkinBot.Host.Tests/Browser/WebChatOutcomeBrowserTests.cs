using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using SkinBot.Core.Knowledge;
using SkinBot.Host.Tests.Operations;
using SkinBot.Testing.Fakes;
using static Microsoft.Playwright.Assertions;

namespace SkinBot.Host.Tests.Browser;

/// <summary>Whatever becomes of a message (answer, limit, refusal, failure, garbage), the page tells the person something.</summary>
public sealed class WebChatOutcomeBrowserTests : IAsyncLifetime
{
    private const string ApiRoute = "**/api/chat";

    private readonly FakeChatEngine _engine = new(HostAnswers.Substantive);
    private TestApp? _app;
    private BrowserSession? _browser;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _browser = await BrowserSession.LaunchAsync();
        _app = await TestApp.StartAsync(
            _engine,
            new Dictionary<string, string?> { ["Limits:PerUserPermitsPerMinute"] = "3" },
            // A stopped clock: no permit comes back while the test runs, however slow the browser.
            services => services.AddSingleton<TimeProvider>(new FakeTimeProvider()),
            kestrel: true);
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
    public async Task Every_outcome_of_a_message_shows_the_person_something()
    {
        // From the real endpoint: an answer, "still loading", an engine failure, then the limit twice over.
        await ExpectReplyAsync("answer", "Ice pick scars");

        _engine.Respond = _ => throw new KnowledgeNotReadyException();
        await ExpectReplyAsync("answer", "I'm still loading my articles");

        _engine.Respond = _ => throw new InvalidOperationException("boom");
        await ExpectReplyAsync("error", "SkinBot could not answer that just now");

        _engine.Respond = HostAnswers.Substantive;
        await ExpectReplyAsync("notice", "You're sending messages faster than I can answer. Please wait about");
        await ExpectReplyAsync("notice", "You're sending messages faster than I can answer. Please wait about");

        // What a proxy, a broken network or a stranger's server might send instead.
        await WithReplyAsync(
            route => route.FulfillAsync(new() { Status = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = "7" }, ContentType = "text/plain", Body = "Too Many Requests" }),
            "notice",
            "Please wait about 7 seconds and try again.");
        await WithReplyAsync(
            route => route.FulfillAsync(new() { Status = 400, ContentType = "application/json", Body = JsonSerializer.Serialize(new { error = "\"text\" is 2345 characters long; the limit is 2000." }) }),
            "error",
            "the limit is 2000");
        await WithReplyAsync(
            route => route.FulfillAsync(new() { Status = 502, ContentType = "text/html", Body = "<html><body><h1>502 Bad Gateway</h1></body></html>" }),
            "error",
            "SkinBot could not answer (HTTP 502)");
        await WithReplyAsync(
            route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<html>login page</html>" }),
            "error",
            "SkinBot sent a reply this page could not read");
        await WithReplyAsync(
            route => route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = "{}" }),
            "error",
            "SkinBot sent a reply this page could not read");
        await WithReplyAsync(route => route.AbortAsync(), "error", "Could not reach SkinBot");

        Assert.Equal(0, await _page.Locator(".conversation b, .conversation h1").CountAsync());
        await Expect(_page.Locator("#typing")).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task The_page_keeps_its_server_issued_conversation_id_across_turns_and_New_chat_starts_another()
    {
        var sent = new List<JsonElement>();
        _page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/api/chat", StringComparison.Ordinal) && request.PostData is { } body)
            {
                sent.Add(JsonDocument.Parse(body).RootElement.Clone());
            }
        };

        await ExpectReplyAsync("answer", "Ice pick scars");
        await ExpectReplyAsync("answer", "Ice pick scars");
        await _page.GetByRole(AriaRole.Button, new() { Name = "New chat" }).ClickAsync();
        await ExpectReplyAsync("answer", "Ice pick scars");

        var requests = _engine.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.False(sent[0].TryGetProperty("conversationId", out _));
        Assert.Equal(requests[0].ConversationId, sent[1].GetProperty("conversationId").GetString());
        Assert.Equal(requests[0].ConversationId, requests[1].ConversationId);
        Assert.False(sent[2].TryGetProperty("conversationId", out _));
        Assert.NotEqual(requests[0].ConversationId, requests[2].ConversationId);
    }

    private async Task WithReplyAsync(Func<IRoute, Task> reply, string kind, string text)
    {
        await _page.RouteAsync(ApiRoute, reply);
        try
        {
            await ExpectReplyAsync(kind, text);
        }
        finally
        {
            await _page.UnrouteAsync(ApiRoute);
        }
    }

    /// <summary>Asks a question and expects exactly one new message after it, of class <paramref name="kind"/>, containing <paramref name="text"/>.</summary>
    private async Task ExpectReplyAsync(string kind, string text)
    {
        var replies = _page.Locator(".conversation > .message:not(.user):not(.welcome)");
        var before = await replies.CountAsync();

        var box = _page.GetByLabel("Your question");
        await box.FillAsync("what are ice pick scars?");
        await box.PressAsync("Enter");

        await Expect(replies).ToHaveCountAsync(before + 1);
        var newest = replies.Nth(before);
        await Expect(newest).ToHaveClassAsync(new Regex($@"\b{kind}\b"));
        await Expect(newest).ToContainTextAsync(text);
        await Expect(_page.Locator("#typing")).ToBeHiddenAsync();
    }
}
