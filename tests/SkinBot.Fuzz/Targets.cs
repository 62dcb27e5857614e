using System.Text;
using System.Text.Json;
using SkinBot.Core.Chat;
using SkinBot.Core.Corpus;
using SkinBot.Core.Markup;
using SkinBot.Discord;
using SkinBot.Discord.Commands;
using SkinBot.Discord.Interactions;
using SkinBot.Discord.Rendering;
using DiscordInteraction = SkinBot.Discord.Interactions.Interaction;

namespace SkinBot.Fuzz;

/// <summary>The fuzz targets: the parsers that read text nobody vetted.</summary>
internal static class Targets
{
    public static readonly IReadOnlyList<FuzzTarget> All =
    [
        new("markup", "chat markup normaliser and look-alike folding (ChatMarkup, MessageNormalizer)", Markup),
        new("command", "typed command parser (TypedCommandParser)", Command),
        new("corpus", "article parsers and passage splitting (Markdown with front matter, raw text, HTML)", Corpus),
        new("interaction", "Discord interaction JSON, slash-command translation and follow-up ids", Interaction),
    ];

    // Invalid UTF-8 becomes U+FFFD, as ASP.NET Core and File.ReadAllText decode it.
    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    private static void Markup(ReadOnlyMemory<byte> bytes)
    {
        var plain = ChatMarkup.ToPlainText(Text(bytes));
        _ = MessageNormalizer.Normalize(plain);
    }

    private static void Command(ReadOnlyMemory<byte> bytes)
    {
        var command = TypedCommandParser.TryParse(Text(bytes));
        if (command is not null && command.Name.Length == 0)
        {
            throw new InvalidOperationException("The parser produced a command without a name.");
        }
    }

    private static void Corpus(ReadOnlyMemory<byte> bytes)
    {
        var text = Text(bytes);
        foreach (var parse in new Func<string, string, ArticleDocument>[] { MarkdownArticleParser.Parse, RawTextArticleParser.Parse, HtmlArticleParser.Parse })
        {
            try
            {
                _ = PassageSplitter.Split(parse("articles/fuzz", text), 0);
            }
            catch (CorpusFormatException)
            {
                // A refused file is the contract: the loader skips it with this reason.
            }
        }
    }

    private static void Interaction(ReadOnlyMemory<byte> bytes)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            return; // The endpoint answers 400 before parsing (this target found why).
        }

        DiscordInteraction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize<DiscordInteraction>(bytes.Span, DiscordJson.Options);
        }
        catch (JsonException)
        {
            return; // The endpoint answers 400.
        }

        if (interaction is null)
        {
            return;
        }

        _ = interaction.Invoker;
        _ = interaction.EffectiveChannelId;
        _ = SlashCommandTranslator.Translate(interaction.Data);
        _ = FollowUpCustomId.TryParse(interaction.Data?.CustomId);
        Walk(interaction.Data?.Options);
    }

    private static void Walk(IReadOnlyList<InteractionOption>? options)
    {
        foreach (var option in options ?? [])
        {
            _ = option.StringValue;
            Walk(option.Options);
        }
    }
}
