using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SkinBot.Discord;

/// <summary>Maps <c>POST /discord/interactions</c>, Discord's HTTP interactions endpoint.</summary>
public static class DiscordEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapSkinBotDiscord(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/discord/interactions", static context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return endpoints;
    }
}
