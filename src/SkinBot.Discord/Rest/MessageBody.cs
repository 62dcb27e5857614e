using SkinBot.Core.Text;
using SkinBot.Discord.Rendering;

namespace SkinBot.Discord.Rest;

/// <summary>
/// The one place a message becomes wire JSON. It always sets <c>allowed_mentions {"parse":[]}</c> (user text is
/// echoed, and nothing SkinBot sends may ping anyone) and enforces Discord's size limits.
/// </summary>
internal sealed class MessageBody
{
    private const int EphemeralFlag = 64;

    private MessageBody()
    {
    }

    public string? Content { get; private init; }

    public IReadOnlyList<Embed>? Embeds { get; private init; }

    public IReadOnlyList<ActionRow>? Components { get; private init; }

    public AllowedMentions AllowedMentions { get; } = AllowedMentions.None;

    public int? Flags { get; private init; }

    public MessageReference? MessageReference { get; private init; }

    public string? Nonce { get; private init; }

    public bool? EnforceNonce { get; private init; }

    /// <summary>Body for a new message or an interaction response.</summary>
    public static MessageBody From(OutgoingMessage message) => Build(message, forEdit: false);

    /// <summary>Body for editing a message: flags, reference and nonce cannot change after creation.</summary>
    public static MessageBody ForEdit(OutgoingMessage message) => Build(message, forEdit: true);

    private static MessageBody Build(OutgoingMessage message, bool forEdit)
    {
        ArgumentNullException.ThrowIfNull(message);
        var content = message.Content;
        if (content is { Length: > DiscordLimits.ContentLength })
        {
            // Callers split long text; this only guards against a 50035 that would lose the whole reply.
            content = TextCut.Truncate(content, DiscordLimits.ContentLength);
        }

        var nonce = !forEdit && message.Nonce is { Length: > 0 and <= DiscordLimits.Nonce } ? message.Nonce : null;
        return new MessageBody
        {
            // An edit replaces the whole message: empty content and embeds clear what the old answer had.
            Content = forEdit ? content ?? string.Empty : content,
            Embeds = message.Embeds.Count > 0 || forEdit ? [.. message.Embeds.Take(DiscordLimits.EmbedsPerMessage)] : null,
            // An empty array clears the buttons when a message is edited in place; absent leaves them.
            Components = [.. message.Components.Take(DiscordLimits.ActionRows)],
            Flags = message.Ephemeral && !forEdit ? EphemeralFlag : null,
            MessageReference = forEdit ? null : message.ReplyTo,
            Nonce = nonce,
            EnforceNonce = nonce is null ? null : true,
        };
    }
}

/// <summary>Discord's allowed_mentions object; only the empty form is ever sent.</summary>
internal sealed class AllowedMentions
{
    public static readonly AllowedMentions None = new();

    private AllowedMentions()
    {
    }

    public IReadOnlyList<string> Parse { get; } = [];
}
