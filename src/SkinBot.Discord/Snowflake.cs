using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkinBot.Discord;

/// <summary>A Discord id. On the wire it is a string (64-bit values do not survive JavaScript numbers).</summary>
[JsonConverter(typeof(SnowflakeJsonConverter))]
public readonly record struct Snowflake(ulong Value)
{
    public static Snowflake Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException("A Discord snowflake is a positive decimal integer.");

    public static bool TryParse([NotNullWhen(true)] string? text, out Snowflake id)
    {
        if (!string.IsNullOrEmpty(text) && text.Length <= 20 && text.All(char.IsAsciiDigit)
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            id = new Snowflake(value);
            return true;
        }

        id = default;
        return false;
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

internal sealed class SnowflakeJsonConverter : JsonConverter<Snowflake>
{
    public override Snowflake Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String when Snowflake.TryParse(reader.GetString(), out var id) => id,
        JsonTokenType.Number when reader.TryGetUInt64(out var value) => new Snowflake(value),
        _ => throw new JsonException("Expected a snowflake string."),
    };

    public override void Write(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
