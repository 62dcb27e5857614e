using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsCheck;
using SkinBot.Host.Tests.Operations;
using SkinBot.Testing;
using SkinBot.Testing.Hostile;

namespace SkinBot.Host.Tests.Properties;

/// <summary>
/// POST /api/chat in front of the real engine (the repository's corpus) with the nasty-input catalogue, nasty bodies and
/// generated messages: never a 5xx, a clear 4xx or the answer document, and the next question is still answered.
/// </summary>
public sealed class ChatApiNastyInputTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());
        _app = await TestApp.StartAsync(engine, new Dictionary<string, string?>
        {
            // The limits have their own tests; here every request must reach the engine.
            ["Limits:PerUserPermitsPerMinute"] = "100000",
            ["Limits:PerChannelPermitsPerMinute"] = "100000",
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [MemberData(nameof(NastyInputs.All), MemberType = typeof(NastyInputs))]
    public async Task A_nasty_message_gets_a_clear_4xx_or_the_answer_document_and_the_next_question_is_answered(string name)
    {
        using var response = await PostAsync(JsonSerializer.SerializeToUtf8Bytes(new { text = NastyInputs.Text(name), conversationId = "nasty-1" }), "application/json");

        await AssertAnswerOrClearRefusalAsync(response);
        await AssertStillAnswersAsync();
    }

    [Theory]
    [MemberData(nameof(NastyBodies.All), MemberType = typeof(NastyBodies))]
    public async Task A_nasty_body_gets_a_clear_4xx_and_the_next_question_is_answered(string name)
    {
        var nasty = NastyBodies.Get(name);

        using var response = await PostAsync(nasty.Bytes, nasty.ContentType);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()));
        await AssertStillAnswersAsync();
    }

    [Fact]
    public async Task Any_generated_message_gets_a_clear_4xx_or_the_answer_document()
    {
        await HostileText.Message.SampleAsync(async text =>
        {
            using var response = await PostAsync(JsonSerializer.SerializeToUtf8Bytes(new { text, conversationId = "generated" }), "application/json");

            await AssertAnswerOrClearRefusalAsync(response);
        }, iter: PropertyRuns.Iterations(150), seed: PropertyRuns.Seed, threads: 1);
    }

    private static async Task AssertAnswerOrClearRefusalAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        Assert.True(status is 200 or (>= 400 and < 500), $"status {status}");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        if (status == 200)
        {
            Assert.True(document.RootElement.GetProperty("rendered").GetString()!.Length <= 2000);
            Assert.False(string.IsNullOrWhiteSpace(document.RootElement.GetProperty("headline").GetString()));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(document.RootElement.GetProperty("error").GetString()));
        }
    }

    private async Task AssertStillAnswersAsync()
    {
        using var response = await PostAsync(Encoding.UTF8.GetBytes("{\"text\":\"what are boxcar scars?\",\"conversationId\":\"after\"}"), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await _app.Client.PostAsync("api/chat", content);
    }
}
