using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace SkinBot.Teams.Tests.Fakes;

/// <summary>An RSA signing key as the channel would publish it, with its endorsements.</summary>
internal sealed class TestKey
{
    public TestKey(string keyId, params string[] endorsements)
    {
        KeyId = keyId;
        Rsa = RSA.Create(2048);
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(Rsa) { KeyId = keyId };
    }

    public string KeyId { get; }

    public RSA Rsa { get; }

    public RsaSecurityKey SecurityKey { get; }

    /// <summary>Null publishes the key without an "endorsements" member at all.</summary>
    public string[]? Endorsements { get; init; }

    public JsonObject ToJwk()
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray());
        }

        return jwk;
    }
}

/// <summary>Keys shared by all tests (RSA generation is the slow part).</summary>
internal static class TestKeys
{
    /// <summary>Published and endorsed for Teams, as the channel's real keys are.</summary>
    public static readonly TestKey Teams = new("teams-key-1", "msteams", "skype", "webchat");

    /// <summary>Published, endorsed only for another channel.</summary>
    public static readonly TestKey OtherChannel = new("skype-only-key", "skype");

    /// <summary>Published with no endorsements member.</summary>
    public static readonly TestKey Unendorsed = new("unendorsed-key") { Endorsements = null };

    /// <summary>Never published.</summary>
    public static readonly TestKey Unpublished = new("stranger-key", "msteams");

    /// <summary>Published only after a rotation.</summary>
    public static readonly TestKey Rotated = new("teams-key-2", "msteams");
}
