using System.Text.Json;
using SkinBot.Discord.Rendering;

namespace SkinBot.Discord.Tests.Properties;

/// <summary>Checks a message object as it goes over the wire against Discord's documented limits and SkinBot's no-ping rule.</summary>
internal static class DiscordWire
{
    /// <summary>Asserts the limits and an empty allowed_mentions.parse; returns every piece of text a user would see.</summary>
    public static IReadOnlyList<string> AssertMessageFits(JsonElement message)
    {
        var texts = new List<string>();
        Assert.True(message.TryGetProperty("allowed_mentions", out var mentions), "allowed_mentions is always sent");
        Assert.Equal(0, mentions.GetProperty("parse").GetArrayLength());

        if (message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
        {
            Assert.True(content.GetString()!.Length <= DiscordLimits.ContentLength, "content over 2,000");
            texts.Add(content.GetString()!);
        }

        if (message.TryGetProperty("embeds", out var embeds) && embeds.ValueKind == JsonValueKind.Array)
        {
            Assert.True(embeds.GetArrayLength() <= DiscordLimits.EmbedsPerMessage);
            var total = 0;
            foreach (var embed in embeds.EnumerateArray())
            {
                total += Text(embed, "title", DiscordLimits.EmbedTitle, texts) + Text(embed, "description", DiscordLimits.EmbedDescription, texts);
                if (embed.TryGetProperty("footer", out var footer))
                {
                    total += Text(footer, "text", DiscordLimits.EmbedFooter, texts);
                }

                if (embed.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array)
                {
                    Assert.True(fields.GetArrayLength() <= DiscordLimits.EmbedFields);
                    foreach (var field in fields.EnumerateArray())
                    {
                        total += Text(field, "name", DiscordLimits.EmbedFieldName, texts) + Text(field, "value", DiscordLimits.EmbedFieldValue, texts);
                    }
                }
            }

            Assert.True(total <= DiscordLimits.EmbedTotal, $"embeds total {total} over 6,000");
        }

        if (message.TryGetProperty("components", out var rows) && rows.ValueKind == JsonValueKind.Array)
        {
            Assert.True(rows.GetArrayLength() <= DiscordLimits.ActionRows);
            foreach (var row in rows.EnumerateArray())
            {
                var buttons = row.GetProperty("components");
                Assert.True(buttons.GetArrayLength() <= DiscordLimits.ButtonsPerRow);
                foreach (var button in buttons.EnumerateArray())
                {
                    Assert.InRange(Text(button, "label", DiscordLimits.ButtonLabel, texts), 1, DiscordLimits.ButtonLabel);
                    Assert.InRange(button.GetProperty("custom_id").GetString()!.Length, 1, DiscordLimits.CustomId);
                }
            }
        }

        return texts;
    }

    /// <summary>An autocomplete result: at most 25 choices, names 1–100 and values at most 100 characters.</summary>
    public static void AssertChoicesFit(JsonElement data)
    {
        var choices = data.GetProperty("choices");
        Assert.True(choices.GetArrayLength() <= DiscordLimits.AutocompleteChoices);
        foreach (var choice in choices.EnumerateArray())
        {
            Assert.InRange(choice.GetProperty("name").GetString()!.Length, 1, DiscordLimits.ChoiceName);
            Assert.True(choice.GetProperty("value").GetString()!.Length <= DiscordLimits.ChoiceValue);
        }
    }

    private static int Text(JsonElement owner, string name, int limit, List<string> texts)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return 0;
        }

        var text = value.GetString()!;
        Assert.True(text.Length <= limit, $"{name} is {text.Length} long; the limit is {limit}");
        texts.Add(text);
        return text.Length;
    }
}
