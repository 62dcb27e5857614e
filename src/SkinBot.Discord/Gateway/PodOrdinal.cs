using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SkinBot.Discord.Gateway;

/// <summary>
/// A StatefulSet pod is named <c>{set}-{ordinal}</c> and that is its host name (<c>skinbot-gateway-2</c> → 2). Used
/// when <see cref="DiscordOptions.GatewayOrdinal"/> is not set (clusters before Kubernetes 1.28 have no
/// <c>apps.kubernetes.io/pod-index</c> label to pass in) and only when there are several replicas: a developer's machine
/// called <c>laptop-2</c> running one process must not become replica 2.
/// </summary>
internal static partial class PodOrdinal
{
    public static int? FromHostName(string? hostName) =>
        hostName is not null && TrailingNumber().Match(hostName) is { Success: true } match
        && int.TryParse(match.Groups["ordinal"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            ? ordinal
            : null;

    [GeneratedRegex(@"-(?<ordinal>[0-9]{1,9})\z", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNumber();

    /// <summary>Fills in the ordinal from the host name before the options are validated.</summary>
    internal sealed class FromHost(Func<string> hostName) : IPostConfigureOptions<DiscordOptions>
    {
        public void PostConfigure(string? name, DiscordOptions options)
        {
            if (options.GatewayOrdinal is null && options.ShardId is null && options.GatewayReplicas > 1)
            {
                options.GatewayOrdinal = FromHostName(hostName());
            }
        }
    }
}
