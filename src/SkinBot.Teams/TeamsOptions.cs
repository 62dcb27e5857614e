namespace SkinBot.Teams;

/// <summary>How the bot's Entra app registration authenticates (Azure Bot "Type of App").</summary>
public enum TeamsAppType
{
    /// <summary>The default for new registrations: tokens come from the bot's home tenant.</summary>
    SingleTenant,

    /// <summary>Legacy registrations (creation deprecated after 2025-07-31): tokens come from the botframework.com tenant.</summary>
    MultiTenant,

    /// <summary>Managed identity. Not supported by this adapter; rejected at start-up.</summary>
    UserAssignedMSI,
}

/// <summary>
/// Settings of the Teams adapter, bound from the "Teams" configuration section
/// (environment variables: SKINBOT__Teams__MicrosoftAppId and so on).
/// A class rather than a record so that a stray ToString never prints the password.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The Entra application (client) id of the Azure Bot. Empty disables the adapter (404 on /api/messages).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Client secret of the app registration. Keep it in environment variables or user secrets.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Home tenant id of a single-tenant app registration.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    public TeamsAppType MicrosoftAppType { get; set; } = TeamsAppType.SingleTenant;

    /// <summary>The Bot Framework channel's OpenID metadata document; tests point it at a local server.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>
    /// Overrides the authority used for the outbound token (https://login.microsoftonline.com/{tenant} by default).
    /// A full token endpoint ending in /oauth2/v2.0/token is accepted too. Must be https (MSAL refuses anything else).
    /// </summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>
    /// Accepts activities whose serviceUrl is plain http to this machine (local fake connectors in tests). Off by
    /// default: the bot's token then only ever travels over https.
    /// </summary>
    public bool AllowLoopbackHttpServiceUrls { get; set; }

    /// <summary>Route of the messaging endpoint registered on the Azure Bot resource.</summary>
    public string MessagingPath { get; set; } = "/api/messages";

    /// <summary>How often the signing keys are refreshed even when nothing is wrong (the protocol asks for at least daily).</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Least time between two forced refetches of the keys for an unknown key id, so junk tokens cannot hammer the metadata host.</summary>
    public TimeSpan UnknownKeyRefetchInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Clock skew allowed on exp/nbf of inbound tokens.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest inbound activity accepted, in bytes.</summary>
    public int MaxActivityBytes { get; set; } = 512 * 1024;

    /// <summary>When the answer is not ready after this long, a typing indicator is sent first.</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time a message extension query may take; Teams gives up after 5 seconds.</summary>
    public TimeSpan ComposeExtensionTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Activities waiting to be answered (not counting those being answered); beyond it new ones get 503 so Teams redelivers later.</summary>
    public int QueueCapacity { get; set; } = 512;

    /// <summary>
    /// Activities answered at the same time, each from a different conversation. A worker is held while the engine
    /// answers, not while the reply is sent: sending is limited per connector address instead.
    /// </summary>
    public int MaxConcurrentTurns { get; set; } = 4;

    /// <summary>HTTP calls in flight to one connector address (serviceUrl); a slow connector can use no more than this.</summary>
    public int MaxConcurrentSendsPerServiceUrl { get; set; } = 4;

    /// <summary>
    /// Activities accepted for one connector address and not yet delivered (waiting, being answered or being sent).
    /// Beyond it new activities for that address get 503 so Teams redelivers later, while other addresses are unaffected.
    /// </summary>
    public int MaxPendingPerServiceUrl { get; set; } = 256;

    /// <summary>Attempts per outbound activity, the first included.</summary>
    public int MaxSendAttempts { get; set; } = 4;

    /// <summary>First retry delay of the exponential backoff (jittered).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on one retry delay, including a Retry-After the connector asks for.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one HTTP call to the connector service.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Time one outbound activity may take in all: waiting for a send slot, every attempt and the waits between them.
    /// After it the send is given up and logged. At least <see cref="SendTimeout"/>.
    /// </summary>
    public TimeSpan SendDeadline { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Teams app package settings for <c>skinbot teams package</c>.</summary>
    public TeamsPackageOptions Package { get; set; } = new();

    /// <summary>True when an app id is configured and the adapter answers.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}

/// <summary>Values written into deploy/teams/manifest.json when the app package is built.</summary>
public sealed class TeamsPackageOptions
{
    /// <summary>Folder holding manifest.json and the icons, absolute or relative to the content root or any parent of it.</summary>
    public string ManifestDirectory { get; set; } = "deploy/teams";

    /// <summary>The Teams app id; defaults to the bot's app id, as the Developer Portal does.</summary>
    public string? TeamsAppId { get; set; }

    /// <summary>Version of the app package (x.y.z); raise it for every upload.</summary>
    public string AppVersion { get; set; } = "1.0.0";

    public string DeveloperName { get; set; } = "SkinBot";

    /// <summary>https address shown on the app's About page; privacy and terms addresses default to it.</summary>
    public string? WebsiteUrl { get; set; }

    public string? PrivacyUrl { get; set; }

    public string? TermsOfUseUrl { get; set; }
}
