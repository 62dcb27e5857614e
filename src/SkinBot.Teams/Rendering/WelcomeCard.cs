using System.Text.Json.Nodes;

namespace SkinBot.Teams.Rendering;

/// <summary>The one message SkinBot sends when it is added to a chat or team: what it can answer and how to ask.</summary>
internal static class WelcomeCard
{
    public const string Summary = "Hi, I'm SkinBot: ask me about pitted acne scars.";

    public const string Caveat =
        "General information, not a diagnosis. See a board-certified dermatologist early: delay makes scarring harder to treat.";

    public static readonly IReadOnlyList<(string Command, string What)> Topics =
    [
        ("scar ice pick · scar boxcar · scar rolling", "what each type of pitted scar looks like"),
        ("prevent", "how to keep acne from leaving scars"),
        ("treatments at home", "what you can try yourself, such as retinoids or chemical exfoliants"),
        ("treatments in office", "what a dermatologist can do, such as microneedling, lasers or subcision"),
        ("help", "this list again"),
    ];

    public static string PlainText()
    {
        var lines = new List<string>
        {
            "Hi, I'm SkinBot. I answer questions about pockmarks (pitted acne scars) with passages quoted from vetted articles, and I say where each comes from.",
            string.Empty,
        };
        lines.AddRange(Topics.Select(t => $"- {t.Command}: {t.What}"));
        lines.Add(string.Empty);
        lines.Add("Or just ask, for example \"does microneedling help rolling scars?\". In channels and group chats, @mention me first.");
        lines.Add(string.Empty);
        lines.Add("⚕️ " + Caveat);
        return string.Join('\n', lines);
    }

    public static JsonObject Render()
    {
        var facts = new JsonArray();
        foreach (var (command, what) in Topics)
        {
            facts.Add(new JsonObject { ["title"] = command, ["value"] = what });
        }

        var body = new JsonArray
        {
            AdaptiveCardRenderer.Heading("Hi, I'm SkinBot"),
            AdaptiveCardRenderer.Text("I answer questions about pockmarks (pitted acne scars) with passages quoted from vetted articles, and I say where each comes from. Type one of these, or just ask:"),
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
            AdaptiveCardRenderer.Text("In channels and group chats, @mention me first. You can also search SkinBot from the message compose box and share an answer card in any chat."),
            AdaptiveCardRenderer.Caveat(Caveat),
        };

        var card = AdaptiveCardRenderer.NewCard(body, PlainText());
        card["actions"] = new JsonArray
        {
            AdaptiveCardRenderer.FollowUpAction("Scar types", "scar", CardActionStyle.Submit),
            AdaptiveCardRenderer.FollowUpAction("Preventing scars", "prevent", CardActionStyle.Submit),
            AdaptiveCardRenderer.FollowUpAction("At-home treatments", "treatments at home", CardActionStyle.Submit),
        };
        return card;
    }
}
