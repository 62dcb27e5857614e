using System.Net;

namespace SkinBot.Discord.Rest;

/// <summary>A REST call that failed for good (after any retries). Carries the route template, never the path or a token.</summary>
internal sealed class DiscordRestException : Exception
{
    public DiscordRestException(string routeTemplate, HttpStatusCode? status, int? discordCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        RouteTemplate = routeTemplate;
        Status = status;
        DiscordCode = discordCode;
    }

    public string RouteTemplate { get; }

    /// <summary>Null when no response arrived (network error or timeout).</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>Discord's JSON error code (e.g. 10062 unknown interaction, 50013 missing permissions) when given.</summary>
    public int? DiscordCode { get; }
}
