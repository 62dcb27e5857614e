using System.Text.Json;

namespace SkinBot.Discord.Rest;

/// <summary>Discord's error body: {code, message, errors?} and, on 429, {retry_after, global}.</summary>
internal sealed record DiscordError(int? Code, string? Message, double? RetryAfter, bool Global)
{
    private static readonly DiscordError Empty = new(null, null, null, false);

    public static DiscordError Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Empty;
            }

            return new DiscordError(
                root.TryGetProperty("code", out var code) && code.TryGetInt32(out var c) ? c : null,
                root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null,
                root.TryGetProperty("retry_after", out var retry) && retry.TryGetDouble(out var r) ? r : null,
                root.TryGetProperty("global", out var global) && global.ValueKind == JsonValueKind.True);
        }
        catch (JsonException)
        {
            // Cloudflare answers some 429s and 5xx with HTML.
            return Empty;
        }
    }
}
