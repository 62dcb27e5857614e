using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SkinBot.Teams;

/// <summary>Registers the Microsoft Teams (Bot Framework) adapter.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddSkinBotTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
