using System.Net;
using SkinBot.Core.Safety;
using SkinBot.Host.Tests.Operations;
using SkinBot.Testing.Fakes;

namespace SkinBot.Host.Tests.WebChat;

public sealed class ChatPageTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(new FakeChatEngine(HostAnswers.Substantive));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_chat_page_is_served_at_the_root_with_a_strict_content_security_policy()
    {
        using var response = await _app.Client.GetAsync(string.Empty);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<label for=\"message\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app.js", "text/javascript")]
    [InlineData("app.css", "text/css")]
    [InlineData("index.html", "text/html")]
    [InlineData("favicon.svg", "image/svg+xml")]
    public async Task The_page_assets_are_served_with_their_types(string file, string mediaType)
    {
        using var response = await _app.Client.GetAsync(file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_page_script_never_writes_html_from_text()
    {
        var script = await _app.Client.GetStringAsync("app.js");

        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("outerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_says_where_help_is_in_the_servers_words_when_no_answer_came_back()
    {
        var script = await _app.Client.GetStringAsync("app.js");

        // A timeout or an unreachable server means nobody screened the message: the page fails closed, as the server does.
        Assert.Contains(SafetyNet.Text, script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_loads_nothing_from_other_origins()
    {
        var html = await _app.Client.GetStringAsync(string.Empty);

        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("//cdn", html, StringComparison.Ordinal);
    }
}
