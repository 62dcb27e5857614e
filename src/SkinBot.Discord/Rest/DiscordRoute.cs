namespace SkinBot.Discord.Rest;

/// <summary>
/// One REST call: the template names the rate-limit route ("POST /channels/{channel_id}/messages"), the major
/// parameter is the top-level resource Discord keys its buckets on, and the path is what is actually requested.
/// Paths of webhook and interaction routes contain tokens, so only <see cref="Template"/> is ever logged.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter, DiscordRouteKind Kind)
{
    public string TemplateKey => Method.Method + " " + Template;

    /// <summary>Interaction callbacks and webhooks authenticate with the token in the path and skip the global limit.</summary>
    public bool UsesBotAuthorization => Kind == DiscordRouteKind.Bot;

    /// <summary>
    /// False for webhook POSTs (follow-up messages): a repeat would post a second message. Create-message carries a
    /// nonce and a repeated interaction callback is answered 40060, so those are safe to repeat.
    /// </summary>
    public bool Idempotent => !(Kind == DiscordRouteKind.Webhook && Method == HttpMethod.Post);

    public static DiscordRoute CreateMessage(Snowflake channelId) =>
        new(HttpMethod.Post, "/channels/{channel_id}/messages", $"/channels/{channelId}/messages", channelId.ToString(), DiscordRouteKind.Bot);

    public static DiscordRoute TriggerTyping(Snowflake channelId) =>
        new(HttpMethod.Post, "/channels/{channel_id}/typing", $"/channels/{channelId}/typing", channelId.ToString(), DiscordRouteKind.Bot);

    public static DiscordRoute InteractionCallback(Snowflake interactionId, string token) =>
        new(HttpMethod.Post, "/interactions/{interaction_id}/{token}/callback", $"/interactions/{interactionId}/{Escape(token)}/callback", interactionId.ToString(), DiscordRouteKind.Interaction);

    public static DiscordRoute EditOriginal(Snowflake applicationId, string token) =>
        new(HttpMethod.Patch, "/webhooks/{application_id}/{token}/messages/@original", $"/webhooks/{applicationId}/{Escape(token)}/messages/@original", $"{applicationId}:{token}", DiscordRouteKind.Webhook);

    public static DiscordRoute DeleteOriginal(Snowflake applicationId, string token) =>
        new(HttpMethod.Delete, "/webhooks/{application_id}/{token}/messages/@original", $"/webhooks/{applicationId}/{Escape(token)}/messages/@original", $"{applicationId}:{token}", DiscordRouteKind.Webhook);

    public static DiscordRoute CreateFollowUp(Snowflake applicationId, string token) =>
        new(HttpMethod.Post, "/webhooks/{application_id}/{token}", $"/webhooks/{applicationId}/{Escape(token)}", $"{applicationId}:{token}", DiscordRouteKind.Webhook);

    public static DiscordRoute BulkOverwriteGlobalCommands(Snowflake applicationId) =>
        new(HttpMethod.Put, "/applications/{application_id}/commands", $"/applications/{applicationId}/commands", applicationId.ToString(), DiscordRouteKind.Bot);

    public static DiscordRoute BulkOverwriteGuildCommands(Snowflake applicationId, Snowflake guildId) =>
        new(HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands", $"/applications/{applicationId}/guilds/{guildId}/commands", guildId.ToString(), DiscordRouteKind.Bot);

    public static DiscordRoute GetGatewayBot() =>
        new(HttpMethod.Get, "/gateway/bot", "/gateway/bot", string.Empty, DiscordRouteKind.Bot);

    private static string Escape(string token) => Uri.EscapeDataString(token);
}

internal enum DiscordRouteKind
{
    Bot,
    Webhook,
    Interaction,
}
