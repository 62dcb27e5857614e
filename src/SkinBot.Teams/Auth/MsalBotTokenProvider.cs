using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace SkinBot.Teams.Auth;

/// <summary>
/// Client-credentials token for https://api.botframework.com, from the bot's home tenant (single-tenant)
/// or botframework.com (legacy multi-tenant). MSAL's in-memory app token cache keeps it until shortly
/// before it expires, so most calls never leave the process.
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider, IDisposable
{
    public const string Scope = "https://api.botframework.com/.default";
    internal const string HttpClientName = "SkinBot.Teams.Token";
    private const string TokenPathSuffix = "/oauth2/v2.0/token";

    private static readonly string[] Scopes = [Scope];
    private readonly Lazy<IConfidentialClientApplication> _application;

    // MSAL does not coalesce concurrent cache misses: without this, a burst of first replies would each fetch a token.
    private readonly SemaphoreSlim _acquire = new(1, 1);

    public MsalBotTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory httpClientFactory)
    {
        var settings = options.Value;
        _application = new Lazy<IConfidentialClientApplication>(() => Build(settings, httpClientFactory));
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await _acquire.WaitAsync(cancellationToken);
        try
        {
            var result = await _application.Value.AcquireTokenForClient(Scopes).ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        finally
        {
            _acquire.Release();
        }
    }

    public void Dispose() => _acquire.Dispose();

    /// <summary>The authority MSAL asks for tokens; exposed for tests and the start-up log.</summary>
    internal static string AuthorityFor(TeamsOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.TokenEndpoint))
        {
            var overridden = options.TokenEndpoint.Trim().TrimEnd('/');
            return overridden.EndsWith(TokenPathSuffix, StringComparison.OrdinalIgnoreCase)
                ? overridden[..^TokenPathSuffix.Length]
                : overridden;
        }

        var tenant = options.MicrosoftAppType == TeamsAppType.MultiTenant ? "botframework.com" : options.MicrosoftAppTenantId;
        return $"https://login.microsoftonline.com/{tenant}";
    }

    private static IConfidentialClientApplication Build(TeamsOptions options, IHttpClientFactory httpClientFactory)
    {
        var builder = ConfidentialClientApplicationBuilder
            .Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClientFactory));

        if (string.IsNullOrWhiteSpace(options.TokenEndpoint))
        {
            builder = builder.WithAuthority(AuthorityFor(options));
        }
        else
        {
            // A private or test authority is not known to Entra's instance discovery: skip both checks.
            builder = builder.WithAuthority(AuthorityFor(options), validateAuthority: false).WithInstanceDiscovery(false);
        }

        return builder.Build();
    }

    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}
