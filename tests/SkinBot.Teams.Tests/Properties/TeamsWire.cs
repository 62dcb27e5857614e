using System.Text;
using System.Text.Json.Nodes;
using SkinBot.Teams.Rendering;

namespace SkinBot.Teams.Tests.Properties;

/// <summary>Checks an activity SkinBot posted to the connector: under Teams' size limit, mentioning nobody.</summary>
internal static class TeamsWire
{
    /// <summary>Asserts the size and the absence of mentions; returns every string a user sees (text, summary, cards).</summary>
    public static IReadOnlyList<string> AssertActivityFits(JsonObject activity)
    {
        var size = Encoding.UTF8.GetByteCount(activity.ToJsonString());
        Assert.True(size <= AnswerBudget.TeamsMaxBytes, $"activity is {size} bytes; Teams refuses posts over ~28 KB");
        if (activity["entities"] is JsonArray entities)
        {
            Assert.DoesNotContain(entities, e => e?["type"]?.GetValue<string>() == "mention");
        }

        // What Teams shows: the text, the notification summary and the cards (not ids or the echoed locale).
        var texts = new List<string>();
        Collect(activity["text"], texts);
        Collect(activity["summary"], texts);
        Collect(activity["attachments"], texts);
        Assert.DoesNotContain(texts, t => t.Contains("<at", StringComparison.OrdinalIgnoreCase));
        return texts;
    }

    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Collect(value, texts);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, texts);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                texts.Add(text);
                break;
        }
    }
}
