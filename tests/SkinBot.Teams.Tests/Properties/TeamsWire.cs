using System.Text;
using System.Text.Json.Nodes;
using SkinBot.Teams.Rendering;

namespace SkinBot.Teams.Tests.Properties;

/// <summary>Checks an activity SkinBot posted to the connector: under Teams' size limit, mentioning nobody.</summary>
internal static class TeamsWire
{
    /// <summary>
    /// Asserts the size and the absence of mentions; returns every string Teams renders as markup (the text and the
    /// cards). The notification summary and a card's TextRuns are checked for mentions but not returned: Teams shows
    /// them as plain text (the Adaptive Card schema: TextRun "Markdown is not supported").
    /// </summary>
    public static IReadOnlyList<string> AssertActivityFits(JsonObject activity)
    {
        var size = Encoding.UTF8.GetByteCount(activity.ToJsonString());
        Assert.True(size <= AnswerBudget.TeamsMaxBytes, $"activity is {size} bytes; Teams refuses posts over ~28 KB");
        if (activity["entities"] is JsonArray entities)
        {
            Assert.DoesNotContain(entities, e => e?["type"]?.GetValue<string>() == "mention");
        }

        // What Teams shows: the text and the cards (not ids or the echoed locale), and the summary in notifications.
        var texts = new List<string>();
        var plain = new List<string> { activity["summary"]?.GetValue<string>() ?? string.Empty };
        Collect(activity["text"], texts, plain);
        Collect(activity["attachments"], texts, plain);
        Assert.DoesNotContain(texts.Concat(plain), t => t.Contains("<at", StringComparison.OrdinalIgnoreCase));
        return texts;
    }

    private static void Collect(JsonNode? node, List<string> texts, List<string> plain)
    {
        switch (node)
        {
            case JsonObject run when run["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "TextRun":
                Collect(run["text"], plain, plain);
                break;
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Collect(value, texts, plain);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, texts, plain);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                texts.Add(text);
                break;
        }
    }
}
