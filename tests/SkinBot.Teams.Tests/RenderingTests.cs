using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Core.Turns;
using SkinBot.Teams.Activities;
using SkinBot.Teams.Rendering;
using SkinBot.Teams.Tests.Fakes;

namespace SkinBot.Teams.Tests;

public sealed class RenderingTests
{
    private static readonly Activity Inbound = JsonSerializer.Deserialize<Activity>(
        TeamsPayloads.Personal("https://smba.trafficmanager.net/amer/", "scar boxcar").ToJsonString(), BotJson.Options)!;

    private static Answer Boxcar() => TeamsAnswers.For(new ChatRequest(Platforms.Teams, "c", "u", "scar boxcar")
    {
        Command = TypedCommandParser.TryParse("scar boxcar"),
    });

    [Theory]
    [InlineData(Urgency.Crisis, "warning", "💙")]
    [InlineData(Urgency.Emergency, "attention", "🚨")]
    [InlineData(Urgency.Infection, "attention", "⚠️")]
    [InlineData(Urgency.SeeDoctorSoon, "warning", "🩺")]
    public void A_go_to_care_reply_is_an_emphasised_block_first_and_the_card_has_no_actions(Urgency urgency, string style, string marker)
    {
        var answer = Boxcar() with { Intent = "urgent", Headline = "Please get help now", Message = "Call now.", Passages = [], Urgency = urgency };

        var card = AdaptiveCardRenderer.Render(answer, CardActionStyle.Submit, "fallback");

        var block = card["body"]!.AsArray()[0]!;
        Assert.Equal("Container", block["type"]!.GetValue<string>());
        Assert.Equal(style, block["style"]!.GetValue<string>());
        Assert.Equal($"{marker} Please get help now", block["items"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Call now.", block["items"]![1]!["text"]!.GetValue<string>());
        Assert.Null(card["actions"]);
    }

    [Fact]
    public void The_answer_card_has_headline_quoted_passages_with_citations_a_separate_caveat_and_submit_buttons()
    {
        var card = AdaptiveCardRenderer.Render(Boxcar(), CardActionStyle.Submit, "fallback");

        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var body = card["body"]!.AsArray();
        Assert.Equal("heading", body[0]!["style"]!.GetValue<string>());
        Assert.Equal("Boxcar scars", body[0]!["text"]!.GetValue<string>());

        var passage = body[1]!["items"]!.AsArray();
        Assert.Equal("“Boxcar scars: Broad, box-like depressions with sharply defined edges, like chickenpox scars.”", passage[0]!["text"]!.GetValue<string>());
        Assert.Equal(
            "— [What to know about pitted acne scars](https://example.org/pitted-acne-scars) (Test Health Journal), quoting Rachel Maiman, MD · Types of pitted scars",
            passage[1]!["text"]!.GetValue<string>());

        var caveat = body[^1]!;
        Assert.Equal("warning", caveat["style"]!.GetValue<string>());
        Assert.True(caveat["separator"]!.GetValue<bool>());
        Assert.Contains(TeamsAnswers.Caveat, caveat["items"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var action = card["actions"]![0]!;
        Assert.Equal("Action.Submit", action["type"]!.GetValue<string>());
        Assert.Equal("How are they treated?", action["title"]!.GetValue<string>());
        Assert.Equal("how are boxcar scars treated?", action["data"]!["question"]!.GetValue<string>());
    }

    [Fact]
    public void Execute_style_buttons_use_the_followup_verb()
    {
        var card = AdaptiveCardRenderer.Render(Boxcar(), CardActionStyle.Execute, null);

        var action = card["actions"]![0]!;
        Assert.Equal("Action.Execute", action["type"]!.GetValue<string>());
        Assert.Equal("followup", action["verb"]!.GetValue<string>());
        Assert.Equal("how are boxcar scars treated?", action["data"]!["question"]!.GetValue<string>());
    }

    [Fact]
    public void A_huge_answer_is_trimmed_under_28_KB_and_keeps_its_caveat()
    {
        var huge = TeamsAnswers.For(new ChatRequest(Platforms.Teams, "c", "u", "huge"));
        Assert.True(Encoding.UTF8.GetByteCount(string.Concat(huge.Passages.Select(p => p.Text))) > 100_000);

        var reply = TeamsMessageFactory.AnswerReply(huge, Inbound);
        var json = JsonSerializer.Serialize(reply, BotJson.Options);

        Assert.True(Encoding.UTF8.GetByteCount(json) < 28 * 1024, $"{Encoding.UTF8.GetByteCount(json)} bytes");
        var card = reply.Attachments![0].Content;
        Assert.Contains(TeamsAnswers.Caveat, card["body"]!.AsArray()[^1]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(TeamsAnswers.Caveat, card["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Passage 1 explains", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_enormous_passage_is_cut_at_a_word_and_the_caveat_survives()
    {
        var answer = Boxcar() with
        {
            Passages = [Boxcar().Passages[0] with { Text = string.Concat(Enumerable.Repeat("Boxcar scars have sharp edges and flat bottoms. ", 2000)) }],
        };

        var card = TeamsMessageFactory.AnswerCard(answer, CardActionStyle.Execute);
        var size = Encoding.UTF8.GetByteCount(card.ToJsonString());

        Assert.True(size <= AnswerBudget.TeamsMaxBytes, $"{size} bytes");
        Assert.EndsWith("flat bottoms.…”", card["body"]![1]!["items"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(TeamsAnswers.Caveat, card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Mentions_are_never_echoed_into_a_card()
    {
        var answer = Boxcar() with { Message = "You asked <at>Dana Lee</at> about <AT id=\"0\">Everyone</AT> scars." };

        var json = TeamsMessageFactory.AnswerReply(answer, Inbound);
        var text = JsonSerializer.Serialize(json, BotJson.Options);

        Assert.DoesNotContain("<at", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("You asked Dana Lee about Everyone scars.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_swaps_from_and_recipient_and_threads_under_the_question()
    {
        var reply = TeamsMessageFactory.AnswerReply(Boxcar(), Inbound);

        Assert.Equal(TeamsPayloads.BotId, reply.From!.Id);
        Assert.Equal(TeamsPayloads.UserId, reply.Recipient!.Id);
        Assert.Equal(Inbound.Id, reply.ReplyToId);
        Assert.Equal(Inbound.Conversation!.Id, reply.Conversation!.Id);
    }

    [Fact]
    public void A_low_confidence_answer_offers_its_topics_as_buttons()
    {
        var unsure = TeamsAnswers.For(new ChatRequest(Platforms.Teams, "c", "u", "what about my elbows"));

        var card = AdaptiveCardRenderer.Render(unsure, CardActionStyle.Submit, null);

        Assert.Equal("I can talk about pitted acne scars. Did you mean one of these?", card["body"]![1]!["text"]!.GetValue<string>());
        Assert.Equal(["scar", "prevent"], card["actions"]!.AsArray().Select(a => a!["data"]!["question"]!.GetValue<string>()));
    }

    [Fact]
    public void The_welcome_carries_the_engine_help_text_every_command_and_the_caveat()
    {
        var help = new Answer
        {
            Intent = "greeting_help",
            Confidence = 1,
            Headline = "Hi, I'm SkinBot",
            Message = "I answer questions about pockmarks.",
            Caveat = "See a board-certified dermatologist.",
            CorpusVersion = "test",
        };

        var card = WelcomeCard.Render(help).ToJsonString();

        foreach (var command in new[] { "scar ice pick", "scar boxcar", "scar rolling", "prevent", "treatments at home", "treatments in office", "help" })
        {
            Assert.Contains(command, card, StringComparison.Ordinal);
        }

        Assert.Contains("@mention me", card, StringComparison.Ordinal);
        Assert.Contains("I answer questions about pockmarks.", card, StringComparison.Ordinal);
        Assert.Contains("See a board-certified dermatologist.", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<at>SkinBot</at>&nbsp;what are boxcar scars?", "what are boxcar scars?")]
    [InlineData("\r\n<at>SkinBot</at> scar&nbsp;boxcar\r\n", "scar boxcar")]
    [InlineData("<p><at>SkinBot</at>, is <i>retinol</i> &lt;safe&gt;?</p>", "is retinol <safe>?")]
    [InlineData("<div><at>SkinBot</at></div><div>line one</div><div>line two</div>", "line one line two")]
    [InlineData("<at></at> <at>SkinBot</at> help", "help")]
    public void Teams_text_is_cleaned_to_the_question(string text, string expected)
    {
        var activity = Inbound with
        {
            Text = text,
            Entities = [new Entity { Type = "mention", Text = "<at>SkinBot</at>", Mentioned = new ChannelAccount { Id = TeamsPayloads.BotId } }],
        };

        Assert.Equal(expected, ActivityText.CleanMessageText(activity));
    }

    [Fact]
    public void The_question_in_card_data_is_read_even_when_sent_as_a_json_string()
    {
        using var document = JsonDocument.Parse("\"{\\\"question\\\":\\\"prevent\\\"}\"");

        Assert.Equal("prevent", ActivityText.ReadQuestion(document.RootElement));
    }

    [Fact]
    public void Compose_results_respect_the_requested_count()
    {
        var answer = TeamsAnswers.For(new ChatRequest(Platforms.Teams, "c", "u", string.Empty) { Command = ChatCommand.Of(CommandNames.Scar) });

        var result = InvokeResponses.ComposeExtensionResult(answer, maxResults: 2);

        Assert.Equal(2, result["composeExtension"]!["attachments"]!.AsArray().Count);
    }

    [Fact]
    public void Compose_without_passages_returns_a_message_not_an_empty_list()
    {
        var unsure = TeamsAnswers.For(new ChatRequest(Platforms.Teams, "c", "u", "zzz"));

        var result = InvokeResponses.ComposeExtensionResult(unsure, 10);

        Assert.Equal("message", result["composeExtension"]!["type"]!.GetValue<string>());
        Assert.StartsWith("I'm not sure I understood", result["composeExtension"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_bodies_serialize_as_plain_json()
    {
        var body = InvokeResponses.CardActionResult(new TurnResult.Answered(Boxcar()));

        var parsed = JsonNode.Parse(JsonSerializer.Serialize<JsonNode>(body, BotJson.Options))!;

        Assert.Equal(200, parsed["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public void A_passage_cut_to_fit_the_size_limit_keeps_its_emoji_whole()
    {
        var emoji = string.Concat(Enumerable.Repeat("👍🏽", 4000));
        var answer = Boxcar() with { Passages = [Boxcar().Passages[0] with { Text = "a" + emoji }] };

        var card = TeamsMessageFactory.AnswerCard(answer, CardActionStyle.Submit, maxBytes: 6_000);

        var texts = Texts(card).ToList();
        Assert.All(texts, t => Assert.True(SkinBot.Testing.TextChecks.IsWellFormed(t), "lone surrogate"));
        var quote = Assert.Single(texts, t => t.StartsWith("“a", StringComparison.Ordinal));
        Assert.All(SkinBot.Testing.TextChecks.TextElements(quote[2..^2]), e => Assert.Equal("👍🏽", e));
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };
}
