using System.Text.Json;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Corpus;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Answers;

/// <summary>The documented JSON schema (v1) that `skinbot ask --json` and POST /api/chat emit.</summary>
public sealed class AnswerJsonTests
{
    private static async Task<JsonElement> AskAsync(string text)
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());
        var answer = await engine.AnswerAsync(new ChatRequest(Platforms.Cli, "c", "u", text), CancellationToken.None);
        using var document = JsonDocument.Parse(AnswerJson.Serialize(answer));
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task A_substantive_answer_has_every_schema_field()
    {
        var json = await AskAsync("what are boxcar scars?");

        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("scar_types", json.GetProperty("intent").GetString());
        Assert.InRange(json.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.False(json.GetProperty("lowConfidence").GetBoolean());
        Assert.Equal("Boxcar scars", json.GetProperty("headline").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("message").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("caveat").GetString()));
        Assert.Equal("boxcar", json.GetProperty("topic").GetString());
        Assert.Matches("^[0-9a-f]{16}$", json.GetProperty("corpusVersion").GetString());
        Assert.False(json.GetProperty("suppressed").GetBoolean());
        Assert.StartsWith("**Boxcar scars**", json.GetProperty("rendered").GetString(), StringComparison.Ordinal);

        var passage = json.GetProperty("passages")[0];
        Assert.Equal("pockmarks#6", passage.GetProperty("id").GetString());
        Assert.StartsWith("boxcar scars", passage.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["What is the meaning of pockmarks?", "Three main types of pockmarks", "Boxcar scars"],
            passage.GetProperty("sectionPath").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("What is the meaning of pockmarks? › Three main types of pockmarks › Boxcar scars", passage.GetProperty("sectionPathText").GetString());
        Assert.Equal("scar-types", passage.GetProperty("sectionId").GetString());
        Assert.Equal("Boxcar scars", passage.GetProperty("leadTerm").GetString());
        Assert.Equal("Yep, You Actually Can Improve Your Pockmarks", passage.GetProperty("source").GetProperty("title").GetString());
        Assert.Equal("Rachel Maiman, MD", passage.GetProperty("source").GetProperty("expert").GetString());
        Assert.Equal(JsonValueKind.Null, passage.GetProperty("source").GetProperty("url").ValueKind);
        Assert.Equal(JsonValueKind.Number, passage.GetProperty("score").ValueKind);

        var followUp = json.GetProperty("followUps")[0];
        Assert.False(string.IsNullOrWhiteSpace(followUp.GetProperty("label").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(followUp.GetProperty("question").GetString()));
    }

    [Fact]
    public async Task Null_fields_are_written_rather_than_left_out_so_scripts_can_rely_on_them()
    {
        var json = await AskAsync("I have a fever and the redness is spreading");

        string[] fields = ["schemaVersion", "intent", "confidence", "lowConfidence", "headline", "message", "passages", "followUps", "caveat", "topic", "corpusVersion", "suppressed", "rendered"];
        Assert.All(fields, f => Assert.True(json.TryGetProperty(f, out _), f));
        Assert.Equal(0, json.GetProperty("passages").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("topic").ValueKind);
    }

    [Fact]
    public void The_json_is_one_line_and_round_trips_to_the_document()
    {
        var answer = new Answer
        {
            Intent = "definition",
            Confidence = 0.123456789,
            Headline = "Line\nbreak \"quoted\"",
            Caveat = "c",
            CorpusVersion = "v",
            Passages = [new AnswerPassage("a#1", "text", ["A"], null, new SourceInfo("T", null, null, null), 2.3456789) { SectionId = "a" }],
        };

        var json = AnswerJson.Serialize(answer);
        var document = JsonSerializer.Deserialize<AnswerDocument>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.DoesNotContain('\n', json);
        Assert.Equal(0.1235, document.Confidence);
        Assert.Equal(2.3457, document.Passages[0].Score);
        Assert.Equal(answer.Headline, document.Headline);
        Assert.Equal(AnswerTextRenderer.Render(answer), document.Rendered);
    }
}
