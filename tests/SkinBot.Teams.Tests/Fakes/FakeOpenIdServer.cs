using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SkinBot.Teams.Tests.Fakes;

/// <summary>
/// The channel's OpenID metadata document and JWKS, shaped like login.botframework.com's
/// (/v1/.well-known/openidconfiguration pointing at /v1/.well-known/keys, keys with endorsements).
/// </summary>
internal sealed class FakeOpenIdServer : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<TestKey> _published;
    private LoopbackServer? _server;
    private int _metadataFetches;
    private int _keyFetches;

    private FakeOpenIdServer(IEnumerable<TestKey> published)
    {
        _published = [.. published];
    }

    public string MetadataUrl => _server!.BaseUrl + "/v1/.well-known/openidconfiguration";

    public int MetadataFetches => Volatile.Read(ref _metadataFetches);

    public int KeyFetches => Volatile.Read(ref _keyFetches);

    public static async Task<FakeOpenIdServer> StartAsync(params TestKey[] published)
    {
        var fake = new FakeOpenIdServer(published.Length > 0 ? published : [TestKeys.Teams, TestKeys.OtherChannel, TestKeys.Unendorsed]);
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext context) =>
            {
                Interlocked.Increment(ref fake._metadataFetches);
                var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}";
                return Results.Text(new JsonObject
                {
                    ["issuer"] = "https://api.botframework.com",
                    ["authorization_endpoint"] = "https://invalid.botframework.com",
                    ["jwks_uri"] = baseUrl + "/v1/.well-known/keys",
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                    ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
                }.ToJsonString(), "application/json");
            });
            app.MapGet("/v1/.well-known/keys", () =>
            {
                Interlocked.Increment(ref fake._keyFetches);
                lock (fake._gate)
                {
                    var keys = new JsonArray(fake._published.Select(k => (JsonNode?)k.ToJwk()).ToArray());
                    return Results.Text(new JsonObject { ["keys"] = keys }.ToJsonString(), "application/json");
                }
            });
        });
        return fake;
    }

    /// <summary>Publishes another key, as the channel does when it rotates.</summary>
    public void Publish(TestKey key)
    {
        lock (_gate)
        {
            _published.Add(key);
        }
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
