namespace SkinBot.Discord.Tests.Fakes;

/// <summary>Gateway and interaction payloads in Discord's wire shape (snake_case, ids as strings).</summary>
internal static class Payloads
{
    public const string GuildId = "700000000000000001";
    public const string ChannelId = "800000000000000001";
    public const string UserId = "600000000000000001";
    public const string BotRoleId = "710000000000000009";

    private static long _nextId = 1_200_000_000_000_000_000;

    public static string NewId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static object Message(
        string id,
        string content,
        string channelId = ChannelId,
        string? guildId = GuildId,
        string authorId = UserId,
        bool authorIsBot = false,
        string[]? mentions = null,
        string[]? mentionRoles = null,
        string? webhookId = null,
        string? repliedToAuthor = null)
    {
        var message = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["channel_id"] = channelId,
            ["type"] = repliedToAuthor is null ? 0 : 19,
            ["content"] = content,
            ["author"] = new Dictionary<string, object?> { ["id"] = authorId, ["username"] = "ana", ["bot"] = authorIsBot ? true : null },
            ["mentions"] = (mentions ?? []).Select(m => new { id = m, username = "someone" }).ToArray(),
            ["mention_roles"] = mentionRoles ?? [],
            ["mention_everyone"] = false,
            ["timestamp"] = "2026-01-01T00:00:00.000000+00:00",
            ["tts"] = false,
            ["attachments"] = Array.Empty<object>(),
            ["embeds"] = Array.Empty<object>(),
        };
        if (guildId is not null)
        {
            message["guild_id"] = guildId;
            message["member"] = new { roles = Array.Empty<string>(), joined_at = "2025-01-01T00:00:00+00:00" };
        }

        if (webhookId is not null)
        {
            message["webhook_id"] = webhookId;
        }

        if (repliedToAuthor is not null)
        {
            var referenced = NewId();
            message["message_reference"] = new { message_id = referenced, channel_id = channelId, guild_id = guildId };
            message["referenced_message"] = new { id = referenced, channel_id = channelId, content = "earlier answer", author = new { id = repliedToAuthor, username = "SkinBot", bot = true } };
        }

        return message;
    }

    public static object GuildCreate(string guildId = GuildId, string botRoleId = BotRoleId) => new
    {
        id = guildId,
        name = "Skin care",
        unavailable = false,
        roles = new object[]
        {
            new { id = guildId, name = "@everyone", tags = (object?)null },
            new { id = botRoleId, name = "SkinBot", managed = true, tags = new { bot_id = FakeGateway.BotUserId } },
            new { id = "710000000000000010", name = "OtherBot", managed = true, tags = new { bot_id = "123456789012345678" } },
        },
        channels = Array.Empty<object>(),
    };

    public static Dictionary<string, object?> Command(string name, object[]? options = null, string? id = null, string token = "interaction-token-abc", bool inGuild = true) =>
        Interaction(2, new { id = "1000000000000000001", name, type = 1, options = options ?? [] }, id, token, inGuild);

    public static Dictionary<string, object?> Autocomplete(string name, object[] options, string? id = null) =>
        Interaction(4, new { id = "1000000000000000001", name, type = 1, options }, id, "autocomplete-token", inGuild: true);

    public static Dictionary<string, object?> ButtonPress(string customId, string? id = null, int messageFlags = 0, string token = "button-token") =>
        new(Interaction(3, new { custom_id = customId, component_type = 2 }, id, token, inGuild: true))
        {
            ["message"] = new { id = NewId(), channel_id = ChannelId, flags = messageFlags, content = string.Empty },
        };

    public static Dictionary<string, object?> ModalSubmit(string customId, object[] components, string token = "modal-token") =>
        new(Interaction(5, new { custom_id = customId, components }, null, token, inGuild: true))
        {
            ["message"] = new { id = NewId(), channel_id = ChannelId, flags = 0, content = string.Empty },
        };

    /// <summary>A submitted label (type 18) around one input, as current clients send modal fields back.</summary>
    public static object SubmittedLabel(object component) => new { type = 18, id = 1, component };

    public static object SubmittedSelect(string customId, params string[] values) => new { type = 3, id = 2, custom_id = customId, values };

    public static object SubmittedText(string customId, string value) => new { type = 4, id = 3, custom_id = customId, value };

    public static object Option(string name, object value, int type = 3, bool focused = false) =>
        focused ? new { name, type, value, focused } : new { name, type, value };

    public static object Subcommand(string name, params object[] options) => new { name, type = 1, options };

    public static Dictionary<string, object?> Ping() => new()
    {
        ["id"] = NewId(),
        ["application_id"] = FakeGateway.ApplicationId,
        ["type"] = 1,
        ["token"] = "ping-token",
        ["version"] = 1,
    };

    private static Dictionary<string, object?> Interaction(int type, object data, string? id, string token, bool inGuild)
    {
        var interaction = new Dictionary<string, object?>
        {
            ["id"] = id ?? NewId(),
            ["application_id"] = FakeGateway.ApplicationId,
            ["type"] = type,
            ["token"] = token,
            ["version"] = 1,
            ["channel_id"] = ChannelId,
            ["channel"] = new { id = ChannelId, type = inGuild ? 0 : 1 },
            ["data"] = data,
            ["locale"] = "en-US",
            ["app_permissions"] = "2248473465835073",
        };
        if (inGuild)
        {
            interaction["guild_id"] = GuildId;
            interaction["member"] = new { user = new { id = UserId, username = "ana" }, roles = Array.Empty<string>() };
        }
        else
        {
            interaction["user"] = new { id = UserId, username = "ana" };
        }

        return interaction;
    }
}
