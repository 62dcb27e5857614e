using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SkinBot.Teams.Auth;

/// <summary>
/// The channel's signing keys from its OpenID metadata document, cached and refreshed by
/// <see cref="ConfigurationManager{T}"/>. A token whose key id is unknown triggers one synchronous refetch
/// (at most once per <see cref="TeamsOptions.UnknownKeyRefetchInterval"/>): ConfigurationManager 8.x only
/// refreshes in the background after RequestRefresh, which would reject the first token signed with a
/// freshly rotated key, so the refetch builds a new manager and swaps it in once it has loaded.
/// </summary>
internal sealed partial class BotFrameworkSigningKeys : IDisposable
{
    internal const string HttpClientName = "SkinBot.Teams.OpenId";

    private readonly TeamsOptions _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly ILogger<BotFrameworkSigningKeys> _logger;
    private readonly SemaphoreSlim _refetchLock = new(1, 1);
    private ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private DateTimeOffset _lastForcedRefetch = DateTimeOffset.MinValue;

    public BotFrameworkSigningKeys(IOptions<TeamsOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<BotFrameworkSigningKeys> logger)
    {
        _options = options.Value;
        _httpClientFactory = httpClientFactory;
        _time = time;
        _logger = logger;
        _manager = CreateManager();
    }

    /// <summary>Finds the key with <paramref name="keyId"/>, or null when the channel does not publish it.</summary>
    /// <exception cref="InvalidOperationException">The metadata document or key set could not be loaded at all.</exception>
    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var found = Find(await Volatile.Read(ref _manager).GetConfigurationAsync(cancellationToken), keyId);
        if (found is not null)
        {
            return found;
        }

        await _refetchLock.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refetched while this one waited.
            found = Find(await Volatile.Read(ref _manager).GetConfigurationAsync(cancellationToken), keyId);
            if (found is not null)
            {
                return found;
            }

            var now = _time.GetUtcNow();
            if (now - _lastForcedRefetch < _options.UnknownKeyRefetchInterval)
            {
                return null;
            }

            _lastForcedRefetch = now;
            var fresh = CreateManager();
            var configuration = await fresh.GetConfigurationAsync(cancellationToken);
            Volatile.Write(ref _manager, fresh);
            LogRefetched(configuration.JsonWebKeySet?.Keys.Count ?? 0);
            return Find(configuration, keyId);
        }
        finally
        {
            _refetchLock.Release();
        }
    }

    /// <summary>How many keys the (cached) key set holds; loads it on first use.</summary>
    public async Task<int> LoadedKeyCountAsync(CancellationToken cancellationToken) =>
        (await Volatile.Read(ref _manager).GetConfigurationAsync(cancellationToken)).JsonWebKeySet?.Keys.Count ?? 0;

    public void Dispose() => _refetchLock.Dispose();

    private static SigningKey? Find(OpenIdConnectConfiguration configuration, string keyId)
    {
        var jwk = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        var signingKey = configuration.SigningKeys.FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));
        return jwk is null || signingKey is null ? null : new SigningKey(keyId, signingKey, SigningKey.ReadEndorsements(jwk));
    }

    private ConfigurationManager<OpenIdConnectConfiguration> CreateManager()
    {
        var retriever = new HttpDocumentRetriever(_httpClientFactory.CreateClient(HttpClientName))
        {
            // The metadata document and the key set it points at must both be https, except on loopback test servers.
            RequireHttps = !UrlRules.IsLoopback(new Uri(_options.OpenIdMetadataUrl)),
        };
        return new ConfigurationManager<OpenIdConnectConfiguration>(_options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = _options.MetadataRefreshInterval,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refetched the Bot Framework signing keys for an unknown key id; {KeyCount} keys published")]
    private partial void LogRefetched(int keyCount);
}
