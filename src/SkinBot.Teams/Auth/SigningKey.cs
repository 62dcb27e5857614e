using System.Collections;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SkinBot.Teams.Auth;

/// <summary>A channel signing key and the channels it is endorsed for ("msteams", ...).</summary>
internal sealed record SigningKey(string KeyId, SecurityKey Key, IReadOnlySet<string> Endorsements)
{
    /// <summary>
    /// IdentityModel keeps JWK members it does not know in AdditionalData; "endorsements" arrives there
    /// as a JsonElement array in 8.x. Other shapes are accepted too, so an upgrade cannot silently turn
    /// the check into "no endorsements" (which would fail closed anyway).
    /// </summary>
    public static IReadOnlySet<string> ReadEndorsements(JsonWebKey key)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!key.AdditionalData.TryGetValue("endorsements", out var raw) || raw is null)
        {
            return set;
        }

        switch (raw)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } value)
                    {
                        set.Add(value);
                    }
                }

                break;
            case string single:
                set.Add(single);
                break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    if (item?.ToString() is { Length: > 0 } value)
                    {
                        set.Add(value);
                    }
                }

                break;
        }

        return set;
    }
}
