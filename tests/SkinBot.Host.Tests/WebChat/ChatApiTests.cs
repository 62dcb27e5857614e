using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Core.Safety;
using SkinBot.Host.Tests.Operations;
using SkinBot.Testing.Fakes;

namespace SkinBot.Host.Tests.WebChat;

public sealed class ChatApiTests : IAsyncLifetime
{
    private readonly FakeChatEngine _engine = new(HostAnswers.Substantive);
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(_engine, new Dictionary<string, string?>
    {
        ["Limits:MaxMessageLength"] = "200",
        ["Limits:PerUserPermitsPerMinute"] = "100",
        ["Limits:PerChannelPermitsPerMinute"] = "100",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_question_gets_the_answer_document_of_skinbot_ask_json()
    {
        using var response = await _app.Client.PostAsJsonAsync("api/chat", new { text = "what are ice pick scars?", conversationId = "tab-1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        var request = Assert.Single(_engine.Requests);
        var document = AnswerJson.Serialize(HostAnswers.Substantive(request));
        Assert.Equal(document[..^1] + ",\"conversationId\":\"" + request.ConversationId + "\"}", json);

        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(AnswerJson.SchemaVersion, parsed.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(HostAnswers.Caveat, parsed.RootElement.GetProperty("caveat").GetString());
    }

    [Fact]
    public async Task The_request_reaches_the_engine_as_a_web_message_from_the_client_in_a_server_issued_conversation()
    {
        using var response = await _app.Client.PostAsJsonAsync("api/chat", new { text = "  what are ice pick scars?  ", conversationId = "tab-7" });

        var request = Assert.Single(_engine.Requests);
        Assert.Equal(Platforms.Web, request.Platform);
        Assert.NotEqual("tab-7", request.ConversationId);
        Assert.Equal(request.ConversationId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString());
        Assert.StartsWith("client-", request.UserId, StringComparison.Ordinal);
        Assert.Equal("web", request.ChannelId);
        Assert.Equal("what are ice pick scars?", request.Text);
        Assert.Null(request.Command);
        Assert.Equal(request.CorrelationId, Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task A_typed_slash_command_is_parsed_into_the_command()
    {
        await _app.Client.PostAsJsonAsync("api/chat", new { text = "/scar box car", conversationId = "tab-1" });

        var command = Assert.Single(_engine.Requests).Command;
        Assert.NotNull(command);
        Assert.Equal(CommandNames.Scar, command.Name);
        Assert.Equal(ScarTypeNames.Boxcar, command.Option(CommandNames.ScarTypeOption));
    }

    [Theory]
    [InlineData("{\"text\": \"hi\", ", "The body must be a JSON object")]
    [InlineData("[1, 2]", "The body must be a JSON object")]
    [InlineData("null", "The body must be a JSON object, not null.")]
    [InlineData("{\"text\": 42, \"conversationId\": \"a\"}", "The body must be a JSON object")]
    [InlineData("{\"conversationId\": \"a\"}", "\"text\" is required and must not be empty.")]
    [InlineData("{\"text\": \"   \", \"conversationId\": \"a\"}", "\"text\" is required and must not be empty.")]
    [InlineData("{\"text\": \"what are boxcar scars?\", \"conversationId\": \"has spaces\"}", "\"conversationId\" must be 1 to 128 characters")]
    public async Task A_malformed_request_is_a_400_with_a_clear_error(string body, string error)
    {
        using var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(error, await ErrorOf(response), StringComparison.Ordinal);
        Assert.Empty(_engine.Requests);
    }

    [Theory]
    [InlineData("{\"text\": \"what are boxcar scars?\"}")]
    [InlineData("{\"text\": \"what are boxcar scars?\", \"conversationId\": \"\"}")]
    [InlineData("{\"text\": \"what are boxcar scars?\", \"conversationId\": null}")]
    public async Task A_first_message_needs_no_conversation_id(string body)
    {
        using var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_engine.Requests);
    }

    [Fact]
    public async Task A_conversation_id_over_128_characters_is_a_400()
    {
        using var response = await _app.Client.PostAsJsonAsync("api/chat", new { text = "hello", conversationId = new string('a', 129) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("conversationId", await ErrorOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_over_the_configured_cap_is_a_400_that_names_the_cap()
    {
        using var response = await _app.Client.PostAsJsonAsync("api/chat", new { text = new string('x', 201), conversationId = "tab-1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Refused unread, so it fails closed: where to get help comes with the refusal.
        Assert.Equal("\"text\" is 201 characters long; the limit is 200. " + SafetyNet.Text, await ErrorOf(response));
        Assert.Empty(_engine.Requests);
    }

    [Fact]
    public async Task Text_exactly_at_the_cap_is_answered()
    {
        using var response = await _app.Client.PostAsJsonAsync("api/chat", new { text = new string('x', 200), conversationId = "tab-1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_huge_body_is_refused_without_being_read_to_the_end()
    {
        using var response = await PostRawAsync("{\"text\": \"" + new string('x', 100_000) + "\", \"conversationId\": \"a\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The body is too large; \"text\" may be at most 200 characters.", await ErrorOf(response));
    }

    [Fact]
    public async Task A_body_that_is_not_declared_json_is_refused_so_other_sites_cannot_post_from_a_browser()
    {
        using var content = new StringContent("{\"text\": \"hi\", \"conversationId\": \"a\"}", Encoding.UTF8, "text/plain");
        using var response = await _app.Client.PostAsync("api/chat", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await ErrorOf(response), StringComparison.Ordinal);
        Assert.Empty(_engine.Requests);
    }

    [Fact]
    public async Task An_engine_failure_is_a_polite_500_with_no_details()
    {
        _engine.Respond = _ => throw new InvalidOperationException("index exploded at /secret/path");

        using var response = await _app.Client.PostAsJsonAsync("api/chat", new { text = "what are ice pick scars?", conversationId = "tab-1" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = await ErrorOf(response);
        Assert.Equal("SkinBot could not answer that just now. Please try again in a moment. " + SafetyNet.Text, error);
    }

    [Fact]
    public async Task The_page_settings_tell_the_message_cap()
    {
        var settings = await _app.Client.GetFromJsonAsync<JsonElement>("api/chat/settings");

        Assert.Equal(200, settings.GetProperty("maxMessageLength").GetInt32());
    }

    private async Task<HttpResponseMessage> PostRawAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await _app.Client.PostAsync("api/chat", content);
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("error").GetString()!;
    }
}
