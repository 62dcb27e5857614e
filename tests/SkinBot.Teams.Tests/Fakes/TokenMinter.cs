using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SkinBot.Teams.Tests.Fakes;

/// <summary>Mints channel tokens the way the Bot Framework does (iss api.botframework.com, aud app id, serviceurl claim), and broken ones.</summary>
internal static class TokenMinter
{
    public const string Issuer = "https://api.botframework.com";

    public static string Mint(
        string audience,
        string serviceUrl,
        TestKey? key = null,
        string issuer = Issuer,
        DateTime? notBefore = null,
        DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var nbf = notBefore ?? now.AddMinutes(-5);
        var exp = expires ?? now.AddMinutes(55);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = nbf,
            IssuedAt = nbf,
            Expires = exp,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials((key ?? TestKeys.Teams).SecurityKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>A token whose header says alg "none" and which carries no signature.</summary>
    public static string Unsigned(string audience, string serviceUrl, string keyId)
    {
        var header = Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = keyId });
        return header + "." + Encode(Payload(audience, serviceUrl)) + ".";
    }

    /// <summary>The classic key-confusion attack: HS256, with the RSA public key's bytes as the HMAC secret.</summary>
    public static string HmacWithPublicKey(string audience, string serviceUrl, TestKey key)
    {
        var header = Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = key.KeyId });
        var signingInput = header + "." + Encode(Payload(audience, serviceUrl));
        var secret = Encoding.ASCII.GetBytes(key.Rsa.ExportSubjectPublicKeyInfoPem());
        var signature = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>A validly signed token whose payload was then edited (the signature no longer matches).</summary>
    public static string Tampered(string audience, string serviceUrl, Action<JsonObject> edit)
    {
        var parts = Mint(audience, serviceUrl).Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        edit(payload);
        return parts[0] + "." + Encode(payload) + "." + parts[2];
    }

    private static JsonObject Payload(string audience, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow;
        return new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = audience,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["iat"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(55).ToUnixTimeSeconds(),
        };
    }

    private static string Encode(JsonObject json) => Base64UrlEncoder.Encode(json.ToJsonString());
}
