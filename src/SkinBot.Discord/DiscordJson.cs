using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkinBot.Discord;

/// <summary>Discord's JSON conventions: snake_case names, absent rather than null optional fields.</summary>
internal static class DiscordJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        // Discord may add fields any time; unknown ones must not break decoding.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T? Deserialize<T>(JsonElement element) => element.Deserialize<T>(Options);
}
