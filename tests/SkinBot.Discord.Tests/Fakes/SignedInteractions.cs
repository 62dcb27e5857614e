using System.Net.Http.Headers;
using System.Text.Json;

namespace SkinBot.Discord.Tests.Fakes;

/// <summary>Posts interactions to /discord/interactions as Discord does: signed raw bytes with the two headers.</summary>
internal static class SignedInteractions
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, InteractionSigner signer, object payload)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        var timestamp = Now();
        return PostRawAsync(client, body, timestamp, signer.Sign(timestamp, body));
    }

    /// <summary>X-Signature-Timestamp for now (Unix seconds), shifted by <paramref name="offset"/> when given.</summary>
    public static string Now(TimeSpan offset = default) =>
        (DateTimeOffset.UtcNow + offset).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, byte[] body, string? timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        if (timestamp is not null)
        {
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }

        if (signature is not null)
        {
            request.Headers.Add("X-Signature-Ed25519", signature);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
