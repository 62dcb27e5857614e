using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SkinBot.Discord.Interactions;

namespace SkinBot.Discord;

/// <summary>Maps <c>POST /discord/interactions</c>, Discord's HTTP interactions endpoint (404 while no PublicKey is configured).</summary>
public static class DiscordEndpointRouteBuilderExtensions
{
    public const string InteractionsPath = "/discord/interactions";

    public static IEndpointRouteBuilder MapSkinBotDiscord(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(InteractionsPath, context => context.RequestServices.GetRequiredService<InteractionEndpoint>().HandleAsync(context))
            .WithDisplayName("Discord interactions")
            .DisableAntiforgery();
        return endpoints;
    }
}
