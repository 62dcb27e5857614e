using System.Text.Json.Nodes;
using SkinBot.Core.Answers;

namespace SkinBot.Teams.Rendering;

/// <summary>
/// The one message SkinBot sends when it is added to a chat or team: the engine's help answer (its introduction
/// and caveat come from intents.yml, like every other answer) plus the commands Teams users can type.
/// </summary>
internal static class WelcomeCard
{
    public const string Summary = "Hi, I'm SkinBot: ask me about pitted acne scars.";

    public static readonly IReadOnlyList<(string Command, string What)> Topics =
    [
        ("scar ice pick · scar boxcar · scar rolling", "what each type of pitted scar looks like"),
        ("prevent", "how to keep acne from leaving scars"),
        ("camouflage", "covering scars and marks with make-up"),
        ("treatments at home", "what you can try yourself"),
        ("treatments in office", "what a dermatologist can do"),
        ("help", "this list again"),
    ];

    public static string PlainText(Answer help)
    {
        var lines = new List<string>
        {
            help.Message ?? Summary,
            string.Empty,
        };
        lines.AddRange(Topics.Select(t => $"- {t.Command}: {t.What}"));
        lines.Add(string.Empty);
        lines.Add("Or just ask, for example \"does microneedling help rolling scars?\". In channels and group chats, @mention me first.");
        lines.Add(string.Empty);
        if (help.Caveat is { } caveat)
        {
            lines.Add("⚕️ " + caveat);
        }

        return string.Join('\n', lines);
    }

    public static JsonObject Render(Answer help)
    {
        var facts = new JsonArray();
        foreach (var (command, what) in Topics)
        {
            facts.Add(new JsonObject { ["title"] = command, ["value"] = what });
        }

        var body = new JsonArray
        {
            AdaptiveCardRenderer.Heading(help.Headline),
            AdaptiveCardRenderer.Text(help.Message ?? Summary),
            AdaptiveCardRenderer.Text("Type one of these, or just ask:"),
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
            AdaptiveCardRenderer.Text("In channels and group chats, @mention me first. You can also search SkinBot from the message compose box and share an answer card in any chat."),
        };
        if (help.Caveat is { } caveat)
        {
            body.Add(AdaptiveCardRenderer.Caveat(caveat));
        }

        var card = AdaptiveCardRenderer.NewCard(body, PlainText(help));
        card["actions"] = new JsonArray
        {
            AdaptiveCardRenderer.FollowUpAction("Scar types", "scar", CardActionStyle.Submit),
            AdaptiveCardRenderer.FollowUpAction("Preventing scars", "prevent", CardActionStyle.Submit),
            AdaptiveCardRenderer.FollowUpAction("At-home treatments", "treatments at home", CardActionStyle.Submit),
        };
        return card;
    }
}
