using System.Net.Http.Headers;
using System.Text.Json;

namespace SkinBot.Discord.Tests.Fakes;

/// <summary>Posts interactions to /discord/interactions as Discord does: signed raw bytes with the two headers.</summary>
internal static class SignedInteractions
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, InteractionSigner signer, object payload) =>
        PostRawAsync(client, JsonSerializer.SerializeToUtf8Bytes(payload), "1767225600", signer.Sign("1767225600", JsonSerializer.SerializeToUtf8Bytes(payload)));

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
