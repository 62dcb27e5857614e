using System.Text.Json;
using SkinBot.Core.Answers;
using SkinBot.Core.Domain;
using SkinBot.Discord.Rendering;
using SkinBot.Discord.Rest;
using SkinBot.Discord.Tests.Fakes;

namespace SkinBot.Discord.Tests;

public sealed class RenderingTests
{
    private static Answer AnswerWith(int passages, int passageLength, int followUps = 2, string? caveat = DiscordEngine.Caveat) => new()
    {
        Intent = "treatments",
        Confidence = 0.8,
        Headline = "Treatments for rolling scars",
        Message = "Here is what the article says.",
        Passages = [.. Enumerable.Range(0, passages).Select(i => new AnswerPassage(
            $"p{i}", string.Join(' ', Enumerable.Repeat("subcision", passageLength / 10)), ["Treatments", "In-office treatments"], "Subcision", DiscordEngine.Source, 1))],
        FollowUps = [.. Enumerable.Range(0, followUps).Select(i => new FollowUp($"Question {i}", $"What about option {i}?"))],
        Caveat = caveat,
        CorpusVersion = "v1",
    };

    [Fact]
    public void An_embed_never_exceeds_discords_limits_and_keeps_the_caveat()
    {
        var message = AnswerRenderer.RenderEmbed(AnswerWith(passages: 6, passageLength: 3000));

        var embed = Assert.Single(message.Embeds);
        Assert.InRange(embed.Description!.Length, 1, 4096);
        Assert.InRange(CountedLength(embed), 1, 6000);
        Assert.Equal("⚕️ " + DiscordEngine.Caveat, embed.Footer!.Text);
        Assert.StartsWith("Here is what the article says.", embed.Description, StringComparison.Ordinal);
        Assert.Contains("> subcision", embed.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Urgency.Crisis, 0x7B61FF, "💙")]
    [InlineData(Urgency.Emergency, 0xE02424, "🚨")]
    [InlineData(Urgency.Infection, 0xF05A28, "⚠️")]
    [InlineData(Urgency.SeeDoctorSoon, 0xF0A500, "🩺")]
    public void A_go_to_care_reply_is_coloured_by_its_tier_marked_in_the_title_and_never_has_buttons(Urgency urgency, int color, string marker)
    {
        // Even if an engine attached follow-ups, a go-to-care reply must not offer treatment buttons.
        var answer = AnswerWith(passages: 0, passageLength: 0, followUps: 3) with { Intent = "urgent", Headline = "Please get help now", Urgency = urgency };

        var message = AnswerRenderer.RenderEmbed(answer);
        var text = AnswerRenderer.RenderText(answer);

        var embed = Assert.Single(message.Embeds);
        Assert.Equal(color, embed.Color);
        Assert.Equal($"{marker} Please get help now", embed.Title);
        Assert.Empty(message.Components);
        Assert.Null(embed.Fields);
        Assert.All(text, m => Assert.Empty(m.Components));
        Assert.StartsWith($"**{marker} Please get help now**", text[0].Content, StringComparison.Ordinal);
        Assert.DoesNotContain("What about option", string.Concat(text.Select(m => m.Content)), StringComparison.Ordinal);
    }

    /// <summary>Characters Discord counts toward an embed's 6000 total: title, description, field names and values, footer.</summary>
    private static int CountedLength(Embed embed) =>
        (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0)
        + (embed.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0);

    [Fact]
    public void The_citation_names_the_source_and_links_it()
    {
        var embed = AnswerRenderer.RenderEmbed(AnswerWith(1, 100)).Embeds[0];

        Assert.Contains("— [Pockmarks: causes and treatments](https://example.org/pockmarks) (Healthline), quoting Rachel Maiman, MD · Treatments › In-office treatments", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Follow_ups_become_rows_of_at_most_five_buttons_with_short_custom_ids()
    {
        var message = AnswerRenderer.RenderEmbed(AnswerWith(1, 100, followUps: 12));

        Assert.Equal([5, 5, 2], message.Components.Select(r => r.Components.Count));
        Assert.All(message.Components.SelectMany(r => r.Components), b => Assert.InRange(b.CustomId.Length, 1, 100));
        Assert.Equal(12, message.Components.SelectMany(r => r.Components).Select(b => b.CustomId).Distinct().Count());
    }

    [Fact]
    public void A_follow_up_too_long_for_a_button_is_listed_in_the_embed_instead()
    {
        var longQuestion = "Is it true that " + new string('x', 120) + "?";
        var answer = AnswerWith(1, 100, followUps: 0) with { FollowUps = [new("Long one", longQuestion), new("Short", "What is TCA cross?")] };

        var message = AnswerRenderer.RenderEmbed(answer);

        Assert.Equal("fu:What is TCA cross?", Assert.Single(message.Components.SelectMany(r => r.Components)).CustomId);
        Assert.Contains(longQuestion, Assert.Single(message.Embeds[0].Fields!).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_style_splits_into_pieces_of_at_most_2000_characters_with_the_caveat_last()
    {
        var pieces = AnswerRenderer.RenderText(AnswerWith(passages: 3, passageLength: 1500));

        Assert.True(pieces.Count >= 2);
        Assert.All(pieces, p => Assert.InRange(p.Content!.Length, 1, 2000));
        Assert.Contains(DiscordEngine.Caveat, pieces[^1].Content, StringComparison.Ordinal);
        Assert.NotEmpty(pieces[^1].Components);
        Assert.All(pieces.SkipLast(1), p => Assert.Empty(p.Components));
    }

    [Fact]
    public void The_splitter_cuts_at_boundaries_and_loses_no_words()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 40).Select(i => $"Paragraph {i}: " + string.Join(' ', Enumerable.Repeat("word", 30))));

        var pieces = ContentSplitter.Split(text);

        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 2000));
        Assert.Equal(text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries), pieces.SelectMany(p => p.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.All(pieces.SkipLast(1), p => Assert.EndsWith("word", p, StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_unbroken_word_is_still_split()
    {
        var pieces = ContentSplitter.Split(new string('a', 4500));

        Assert.Equal([2000, 2000, 500], pieces.Select(p => p.Length));
    }

    [Fact]
    public void Every_message_body_disables_all_mentions()
    {
        var body = JsonSerializer.Serialize(MessageBody.From(OutgoingMessage.Text("@everyone <@123> <@&456>")), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });

        using var json = JsonDocument.Parse(body);
        Assert.Equal("""{"parse":[]}""", json.RootElement.GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public void A_rendered_answer_serializes_only_fields_discord_defines()
    {
        var answer = AnswerWith(2, 100) with { LowConfidence = true };
        var wire = JsonSerializer.SerializeToElement(MessageBody.From(AnswerRenderer.RenderEmbed(answer) with { ReplyTo = new(Snowflake.Parse("1"), null, null), Nonce = "1-0" }), DiscordJson.Options);

        Assert.Equal(
            new[] { "allowed_mentions", "components", "embeds", "enforce_nonce", "message_reference", "nonce" },
            wire.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(new[] { "color", "description", "footer", "title" }, wire.GetProperty("embeds")[0].EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(new[] { "components", "type" }, wire.GetProperty("components")[0].EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(new[] { "custom_id", "label", "style", "type" }, wire.GetProperty("components")[0].GetProperty("components")[0].EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(new[] { "fail_if_not_exists", "message_id" }, wire.GetProperty("message_reference").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public void An_edit_replaces_the_old_content_embeds_and_buttons()
    {
        var wire = JsonSerializer.SerializeToElement(MessageBody.ForEdit(OutgoingMessage.Text("new") with { Ephemeral = true, Nonce = "1-0" }), DiscordJson.Options);

        Assert.Equal("new", wire.GetProperty("content").GetString());
        Assert.Equal(0, wire.GetProperty("embeds").GetArrayLength());
        Assert.Equal(0, wire.GetProperty("components").GetArrayLength());
        Assert.False(wire.TryGetProperty("flags", out _));
        Assert.False(wire.TryGetProperty("nonce", out _));

        var embedEdit = JsonSerializer.SerializeToElement(MessageBody.ForEdit(AnswerRenderer.RenderEmbed(AnswerWith(1, 50))), DiscordJson.Options);
        Assert.Equal(string.Empty, embedEdit.GetProperty("content").GetString());
    }

    [Fact]
    public void Content_over_2000_characters_is_cut_rather_than_rejected()
    {
        var body = MessageBody.From(OutgoingMessage.Text(new string('a', 2500)));

        Assert.Equal(2000, body.Content!.Length);
    }

    [Theory]
    [InlineData("fu:How are boxcar scars treated?", "How are boxcar scars treated?")]
    [InlineData("fu:  padded  ", "padded")]
    [InlineData("fu:new\nline", "newline")]
    [InlineData("fu:", null)]
    [InlineData("ask:hello", null)]
    [InlineData("FU:hello", null)]
    [InlineData(null, null)]
    public void A_pressed_custom_id_is_parsed_as_untrusted_input(string? customId, string? question)
    {
        Assert.Equal(question, FollowUpCustomId.TryParse(customId));
    }

    [Fact]
    public void A_custom_id_longer_than_100_characters_is_refused()
    {
        Assert.Null(FollowUpCustomId.TryParse("fu:" + new string('a', 98)));
        Assert.Null(FollowUpCustomId.TryCreate(new string('a', 98)));
        Assert.Equal(100, FollowUpCustomId.TryCreate(new string('a', 97))!.Length);
    }

    [Fact]
    public void A_reminder_of_a_notice_renders_as_its_headline_only_and_privately()
    {
        var message = AnswerRenderer.RenderReminder(AnswerWith(1, 100) with { Headline = "Slow down a little" });

        Assert.Equal("Slow down a little", message.Content);
        Assert.True(message.Ephemeral);
        Assert.Empty(message.Embeds);
    }
}
