using System.Text.Json.Nodes;

namespace SkinBot.Teams.Tests.Fakes;

/// <summary>Activities shaped like real Teams traffic (field names, id formats, entities, channelData).</summary>
internal static class TeamsPayloads
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:" + TeamsTestApp.AppId;
    public const string ChannelConversationId = "19:4f1c2a3b5d6e7f80@thread.tacv2;messageid=1700000000000";
    public const string TeamChannelId = "19:4f1c2a3b5d6e7f80@thread.tacv2";
    public const string PersonalConversationId = "a:1Xh3sWq9fBdM0c-7kQ2zT8uYpLrN5vE6gJ4oA1iK";
    public const string UserId = "29:1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    public const string UserAadObjectId = "6b3c8d0e-1f2a-4b5c-9d8e-7f6a5b4c3d2e";

    public static JsonObject ChannelMention(string serviceUrl, string html, string id = "1700000000123") => new()
    {
        ["text"] = html,
        ["textFormat"] = "plain",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "text/html",
            ["content"] = "<div><div>" + html + "</div></div>",
        }),
        ["type"] = "message",
        ["timestamp"] = "2025-03-04T15:06:07.8910000Z",
        ["localTimestamp"] = "2025-03-04T10:06:07.8910000-05:00",
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = User(),
        ["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = TenantId,
            ["id"] = ChannelConversationId,
        },
        ["recipient"] = Bot(),
        ["entities"] = new JsonArray(
            new JsonObject
            {
                ["mentioned"] = Bot(),
                ["text"] = "<at>SkinBot</at>",
                ["type"] = "mention",
            },
            new JsonObject
            {
                ["locale"] = "en-US",
                ["country"] = "US",
                ["platform"] = "Web",
                ["timezone"] = "America/New_York",
                ["type"] = "clientInfo",
            }),
        ["channelData"] = ChannelData(),
        ["locale"] = "en-US",
    };

    public static JsonObject Personal(string serviceUrl, string text, string id = "1700000000456") => new()
    {
        ["text"] = text,
        ["textFormat"] = "plain",
        ["type"] = "message",
        ["timestamp"] = "2025-03-04T15:08:00.0000000Z",
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = User(),
        ["conversation"] = new JsonObject
        {
            ["conversationType"] = "personal",
            ["tenantId"] = TenantId,
            ["id"] = PersonalConversationId,
        },
        ["recipient"] = Bot(),
        ["entities"] = new JsonArray(new JsonObject { ["locale"] = "en-US", ["type"] = "clientInfo" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["locale"] = "en-US",
    };

    /// <summary>What an Action.Submit button produces: a message with the card data as value and no text.</summary>
    public static JsonObject SubmitAction(string serviceUrl, string question, string id = "1700000000789")
    {
        var activity = Personal(serviceUrl, string.Empty, id);
        activity.Remove("text");
        activity["replyToId"] = "1700000000456";
        activity["value"] = new JsonObject { ["question"] = question };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["source"] = new JsonObject { ["name"] = "message" },
            ["legacy"] = new JsonObject { ["replyToId"] = "1:1Zx9yW8vU7tS6rQ5pO4nM3lK2jI1hG0fE" },
        };
        return activity;
    }

    /// <summary>The bot was added to a team: membersAdded holds the bot's own id.</summary>
    public static JsonObject BotInstalledInTeam(string serviceUrl, string id = "f:4b1c6a2d-5e3f-4a7b-8c9d-0e1f2a3b4c5d") => new()
    {
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }),
        ["type"] = "conversationUpdate",
        ["timestamp"] = "2025-03-04T15:00:00.0000000Z",
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = UserId, ["aadObjectId"] = UserAadObjectId },
        ["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = TenantId,
            ["id"] = TeamChannelId,
        },
        ["recipient"] = Bot(),
        ["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["aadGroupId"] = "0d6f5e4c-3b2a-4190-8f7e-6d5c4b3a2918", ["name"] = "Derm Club", ["id"] = TeamChannelId },
            ["eventType"] = "teamMemberAdded",
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        },
    };

    /// <summary>Somebody else joined: membersAdded does not hold the bot.</summary>
    public static JsonObject PersonJoinedTeam(string serviceUrl)
    {
        var activity = BotInstalledInTeam(serviceUrl, "f:9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:1ZyXwVuTsRqPoNmLkJiHgFeDcBa", ["aadObjectId"] = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" });
        return activity;
    }

    public static JsonObject CardExecute(string serviceUrl, string verb, string question) => new()
    {
        ["name"] = "adaptiveCard/action",
        ["type"] = "invoke",
        ["timestamp"] = "2025-03-04T15:10:00.0000000Z",
        ["id"] = "f:6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = User(),
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = PersonalConversationId },
        ["recipient"] = Bot(),
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = "How are they treated?",
                ["verb"] = verb,
                ["data"] = new JsonObject { ["question"] = question },
            },
            ["trigger"] = "manual",
        },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId }, ["source"] = new JsonObject { ["name"] = "message" } },
        ["replyToId"] = "1700000000456",
        ["locale"] = "en-US",
    };

    public static JsonObject ComposeQuery(string serviceUrl, string query) => new()
    {
        ["name"] = "composeExtension/query",
        ["type"] = "invoke",
        ["timestamp"] = "2025-03-04T15:12:00.0000000Z",
        ["id"] = "f:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = User(),
        ["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = TenantId, ["id"] = ChannelConversationId },
        ["recipient"] = Bot(),
        ["value"] = new JsonObject
        {
            ["commandId"] = "searchSkinBot",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = query }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
        },
        ["channelData"] = ChannelData(),
        ["locale"] = "en-US",
    };

    public static JsonObject Invoke(string serviceUrl, string name)
    {
        var activity = ComposeQuery(serviceUrl, "x");
        activity["name"] = name;
        activity["value"] = new JsonObject();
        return activity;
    }

    public static JsonObject Reaction(string serviceUrl)
    {
        var activity = Personal(serviceUrl, string.Empty, "1700000000999");
        activity.Remove("text");
        activity["type"] = "messageReaction";
        activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
        activity["replyToId"] = "1700000000456";
        return activity;
    }

    public static JsonObject Bot() => new() { ["id"] = BotId, ["name"] = "SkinBot" };

    private static JsonObject User() => new() { ["id"] = UserId, ["name"] = "Dana Lee", ["aadObjectId"] = UserAadObjectId };

    private static JsonObject ChannelData() => new()
    {
        ["teamsChannelId"] = TeamChannelId,
        ["teamsTeamId"] = "19:0a1b2c3d4e5f@thread.tacv2",
        ["channel"] = new JsonObject { ["id"] = TeamChannelId },
        ["team"] = new JsonObject { ["id"] = "19:0a1b2c3d4e5f@thread.tacv2" },
        ["tenant"] = new JsonObject { ["id"] = TenantId },
    };
}
