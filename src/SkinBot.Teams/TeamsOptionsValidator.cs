using Microsoft.Extensions.Options;

namespace SkinBot.Teams;

/// <summary>Fails start-up with a message that names the configuration key to fix.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        if (options.MicrosoftAppType == TeamsAppType.UserAssignedMSI)
        {
            failures.Add("Teams:MicrosoftAppType=UserAssignedMSI is not supported by SkinBot's Teams adapter; register the bot as SingleTenant with a client secret.");
        }
        else if (!Enum.IsDefined(options.MicrosoftAppType))
        {
            failures.Add("Teams:MicrosoftAppType must be SingleTenant or MultiTenant.");
        }

        if (options.Enabled)
        {
            if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add("Teams:MicrosoftAppPassword (the client secret) is required when Teams:MicrosoftAppId is set; set it through SKINBOT__Teams__MicrosoftAppPassword or user secrets.");
            }

            if (options.MicrosoftAppType == TeamsAppType.SingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            {
                failures.Add("Teams:MicrosoftAppTenantId is required for a SingleTenant bot (the Directory (tenant) ID of the app registration).");
            }
        }

        if (!UrlRules.IsSecureOrLoopback(options.OpenIdMetadataUrl))
        {
            failures.Add("Teams:OpenIdMetadataUrl must be an absolute https URL (http is allowed for loopback test servers only).");
        }

        if (!string.IsNullOrWhiteSpace(options.TokenEndpoint)
            && !(Uri.TryCreate(options.TokenEndpoint, UriKind.Absolute, out var token) && token.Scheme == Uri.UriSchemeHttps))
        {
            failures.Add("Teams:TokenEndpoint must be an absolute https URL (MSAL only talks to https authorities).");
        }

        if (string.IsNullOrWhiteSpace(options.MessagingPath) || !options.MessagingPath.StartsWith('/'))
        {
            failures.Add("Teams:MessagingPath must start with '/'.");
        }

        if (options.MetadataRefreshInterval < TimeSpan.FromMinutes(5))
        {
            failures.Add("Teams:MetadataRefreshInterval must be at least 5 minutes (the OpenID configuration manager's minimum).");
        }

        RequirePositive(failures, options.UnknownKeyRefetchInterval, "UnknownKeyRefetchInterval");
        RequirePositive(failures, options.TypingDelay, "TypingDelay");
        RequirePositive(failures, options.ComposeExtensionTimeout, "ComposeExtensionTimeout");
        RequirePositive(failures, options.RetryBaseDelay, "RetryBaseDelay");
        RequirePositive(failures, options.MaxRetryDelay, "MaxRetryDelay");
        RequirePositive(failures, options.SendTimeout, "SendTimeout");
        RequirePositive(failures, options.SendDeadline, "SendDeadline");
        if (options.SendTimeout > options.SendDeadline)
        {
            failures.Add("Teams:SendTimeout must not be longer than Teams:SendDeadline (one attempt cannot outlast the whole send).");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
        {
            failures.Add("Teams:ClockSkew must be between 0 and 10 minutes.");
        }

        if (options.ComposeExtensionTimeout >= TimeSpan.FromSeconds(5))
        {
            failures.Add("Teams:ComposeExtensionTimeout must be under 5 seconds, Teams' deadline for message extension queries.");
        }

        RequirePositive(failures, options.MaxActivityBytes, "MaxActivityBytes");
        RequirePositive(failures, options.QueueCapacity, "QueueCapacity");
        RequirePositive(failures, options.MaxConcurrentTurns, "MaxConcurrentTurns");
        RequirePositive(failures, options.MaxSendAttempts, "MaxSendAttempts");
        RequirePositive(failures, options.MaxConcurrentSendsPerServiceUrl, "MaxConcurrentSendsPerServiceUrl");
        RequirePositive(failures, options.MaxPendingPerServiceUrl, "MaxPendingPerServiceUrl");
        if (string.IsNullOrWhiteSpace(options.Package.ManifestDirectory))
        {
            failures.Add("Teams:Package:ManifestDirectory must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Teams:{key} must be a positive time span.");
        }
    }

    private static void RequirePositive(List<string> failures, int value, string key)
    {
        if (value <= 0)
        {
            failures.Add($"Teams:{key} must be positive.");
        }
    }
}
