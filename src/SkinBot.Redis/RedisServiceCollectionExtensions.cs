using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SkinBot.Core.Conversations;
using SkinBot.Core.Engine;
using SkinBot.Core.State;

namespace SkinBot.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Redis:Configuration</c> set, shared state replaces the in-memory services (which stay registered as the
    /// fallback); without it nothing changes. Call after the engine and adapters are added.
    /// </summary>
    /// <param name="readinessTag">The tag that puts the Redis check into <c>/readyz</c>.</param>
    public static IServiceCollection AddSkinBotRedis(this IServiceCollection services, IConfiguration configuration, string readinessTag)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(RedisOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(RedisOptions.Configuration)]))
        {
            return services;
        }

        services.AddOptions<RedisOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDeliveryLedger();
        services.TryAddSingleton<InMemoryConversationStore>();
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<RedisTokenBucket>();
        services.Replace(ServiceDescriptor.Singleton<ISharedRateLimiter>(provider => provider.GetRequiredService<RedisTokenBucket>()));
        services.Replace(ServiceDescriptor.Singleton<IDeliveryLedger, RedisDeliveryLedger>());
        services.Replace(ServiceDescriptor.Singleton<IConversationStore, RedisConversationStore>());
        services.Replace(ServiceDescriptor.Singleton<IShardCoordinator, RedisShardCoordinator>());
        services.Replace(ServiceDescriptor.Singleton<ISharedQuota, RedisQuota>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [readinessTag]);
        return services;
    }
}
