using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SkinBot.Core.Diagnostics;

namespace SkinBot.Teams.Auth;

/// <summary>
/// Checks the Bot Framework channel's bearer token in two steps: the token alone (scheme, signature with a
/// published RS256 key, issuer, audience, lifetime) before the body is even read, then the token against the
/// activity it came with (key endorsed for the activity's channel, serviceurl claim equal to its serviceUrl).
/// </summary>
internal sealed partial class BotFrameworkAuthenticator : IDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string ServiceUrlClaim = "serviceurl";

    private readonly TeamsOptions _options;
    private readonly BotFrameworkSigningKeys _keys;
    private readonly TeamsMetrics _metrics;
    private readonly ILogger<BotFrameworkAuthenticator> _logger;

    // Anyone can post to the messaging endpoint: bad tokens are counted in full but logged one line per reason per interval.
    private readonly RefusalLog _refusals;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public BotFrameworkAuthenticator(IOptions<TeamsOptions> options, BotFrameworkSigningKeys keys, TeamsMetrics metrics, TimeProvider time, ILogger<BotFrameworkAuthenticator> logger)
    {
        _options = options.Value;
        _keys = keys;
        _metrics = metrics;
        _logger = logger;
        _refusals = new RefusalLog(logger, LogLevel.Warning, "Bot Framework request", time);
    }

    public void Dispose() => _refusals.Dispose();

    public async Task<AuthOutcome<ValidatedBotToken>> ValidateTokenAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return Fail<ValidatedBotToken>(AuthFailureReasons.MissingHeader);
        }

        var space = authorizationHeader.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !authorizationHeader[..space].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return Fail<ValidatedBotToken>(AuthFailureReasons.WrongScheme);
        }

        var token = authorizationHeader[(space + 1)..].Trim();
        if (token.Length == 0 || !_handler.CanReadToken(token))
        {
            return Fail<ValidatedBotToken>(AuthFailureReasons.Malformed);
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            // CanReadToken only checks the shape; a segment that is not base64url (FormatException) or not JSON fails here.
            return Fail<ValidatedBotToken>(AuthFailureReasons.Malformed);
        }

        if (string.IsNullOrEmpty(unvalidated.Kid))
        {
            return Fail<ValidatedBotToken>(AuthFailureReasons.NoKeyId);
        }

        SigningKey? key;
        try
        {
            key = await _keys.FindAsync(unvalidated.Kid, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            LogMetadataUnavailable(ex);
            return Fail<ValidatedBotToken>(AuthFailureReasons.MetadataUnavailable);
        }

        if (key is null)
        {
            return Fail<ValidatedBotToken>(AuthFailureReasons.UnknownKey);
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = ChannelIssuer,
            ValidAudience = _options.MicrosoftAppId,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKey = key.Key,
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ClockSkew = _options.ClockSkew,
        });

        if (!result.IsValid)
        {
            return Fail<ValidatedBotToken>(AuthFailureReasons.FromException(result.Exception));
        }

        var validated = (JsonWebToken)result.SecurityToken;
        validated.TryGetPayloadValue<string>(ServiceUrlClaim, out var serviceUrl);
        return AuthOutcome<ValidatedBotToken>.Success(new ValidatedBotToken(key.KeyId, key.Endorsements, serviceUrl));
    }

    /// <summary>Second step: the token must speak for this activity's channel and connector service.</summary>
    public AuthOutcome<TrustedServiceUrl> AuthorizeActivity(ValidatedBotToken token, string? channelId, string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(channelId) || !token.Endorsements.Contains(channelId))
        {
            return Fail<TrustedServiceUrl>(AuthFailureReasons.NotEndorsed);
        }

        if (string.IsNullOrWhiteSpace(serviceUrl) || string.IsNullOrWhiteSpace(token.ServiceUrl)
            || !string.Equals(UrlRules.NormalizeServiceUrl(serviceUrl), UrlRules.NormalizeServiceUrl(token.ServiceUrl), StringComparison.OrdinalIgnoreCase))
        {
            return Fail<TrustedServiceUrl>(AuthFailureReasons.ServiceUrlMismatch);
        }

        var trusted = TrustedServiceUrl.TryCreate(serviceUrl, _options.AllowLoopbackHttpServiceUrls);
        return trusted is null
            ? Fail<TrustedServiceUrl>(AuthFailureReasons.UntrustedServiceUrl)
            : AuthOutcome<TrustedServiceUrl>.Success(trusted);
    }

    private AuthOutcome<T> Fail<T>(string reason)
        where T : class
    {
        _metrics.AuthFailure(reason);
        _refusals.Refused(new RefusalReason(reason));
        return AuthOutcome<T>.Failure(reason);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the Bot Framework OpenID metadata or signing keys; requests are rejected until it loads")]
    private partial void LogMetadataUnavailable(Exception exception);
}

/// <summary>What the token says once its signature and claims are checked.</summary>
internal sealed record ValidatedBotToken(string KeyId, IReadOnlySet<string> Endorsements, string? ServiceUrl);

/// <summary>Either a value or the reason it could not be had; the reason doubles as a metric tag.</summary>
internal sealed record AuthOutcome<T>(T? Value, string? FailureReason)
    where T : class
{
    public bool Succeeded => Value is not null;

    public static AuthOutcome<T> Success(T value) => new(value, null);

    public static AuthOutcome<T> Failure(string reason) => new(null, reason);
}

/// <summary>Low-cardinality reasons for rejected requests (logs and the auth failure counter).</summary>
internal static class AuthFailureReasons
{
    public const string MissingHeader = "missing_header";
    public const string WrongScheme = "wrong_scheme";
    public const string Malformed = "malformed_token";
    public const string NoKeyId = "no_key_id";
    public const string UnknownKey = "unknown_key";
    public const string MetadataUnavailable = "metadata_unavailable";
    public const string Expired = "expired";
    public const string NotYetValid = "not_yet_valid";
    public const string Issuer = "wrong_issuer";
    public const string Audience = "wrong_audience";
    public const string Signature = "bad_signature";
    public const string Algorithm = "wrong_algorithm";
    public const string Invalid = "invalid_token";
    public const string NotEndorsed = "channel_not_endorsed";
    public const string ServiceUrlMismatch = "service_url_mismatch";
    public const string UntrustedServiceUrl = "untrusted_service_url";

    public static string FromException(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => Expired,
        SecurityTokenNotYetValidException => NotYetValid,
        SecurityTokenInvalidIssuerException => Issuer,
        SecurityTokenInvalidAudienceException => Audience,
        SecurityTokenInvalidAlgorithmException => Algorithm,
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => Signature,
        _ => Invalid,
    };
}
