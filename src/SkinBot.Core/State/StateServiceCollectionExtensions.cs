using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SkinBot.Core.State;

public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// The in-memory ledger unless a shared one (Redis) was registered first; every adapter calls this, so they
    /// all share one ledger.
    /// </summary>
    public static IServiceCollection AddDeliveryLedger(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DeliveryLedgerOptions>()
            .BindConfiguration(DeliveryLedgerOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<InMemoryDeliveryLedger>();
        services.TryAddSingleton<IDeliveryLedger>(provider => provider.GetRequiredService<InMemoryDeliveryLedger>());
        return services;
    }
}
