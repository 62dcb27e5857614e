using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkinBot.Teams.Activities;

namespace SkinBot.Teams;

/// <summary>Maps the Bot Framework messaging endpoint.</summary>
public static class TeamsEndpointRouteBuilderExtensions
{
    /// <summary>Maps POST Teams:MessagingPath (default /api/messages). It authenticates every request itself.</summary>
    public static IEndpointRouteBuilder MapSkinBotTeams(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
        endpoints.MapPost(options.MessagingPath, (HttpContext context) =>
                context.RequestServices.GetRequiredService<MessagesEndpoint>().HandleAsync(context))
            .AllowAnonymous() // it checks the Bot Framework token itself; a host-wide auth policy must not turn it away
            .WithName("SkinBot.Teams.Messages")
            .WithDisplayName("Teams (Bot Framework) messaging endpoint");
        return endpoints;
    }
}
