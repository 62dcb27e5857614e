using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Core.Configuration;
using SkinBot.Core.Conversations;
using SkinBot.Core.Corpus;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Search;

namespace SkinBot.Core.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine: options (validated at start), corpus loading, the swappable knowledge base, the
    /// in-memory conversation store (replace <see cref="IConversationStore"/> to share it), and <see cref="IChatEngine"/>.
    /// Paths in <see cref="EngineOptions"/> are resolved against <paramref name="contentRoot"/>.
    /// </summary>
    public static IServiceCollection AddSkinBotEngine(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<EngineOptions>()
            .Bind(configuration.GetSection(EngineOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngineOptions>>(new KeyedDataAnnotationsValidator<EngineOptions>(EngineOptions.SectionName)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngineOptions>>(new EngineOptionsValidator(contentRoot)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CorpusLoader>();
        services.TryAddSingleton(sp =>
        {
            var engine = sp.GetRequiredService<IOptions<EngineOptions>>().Value;
            return new PassageIndexStore(
                engine.InMemoryIndex ? null : Path.GetFullPath(engine.IndexPath, contentRoot),
                sp.GetRequiredService<ILogger<PassageIndexStore>>());
        });
        services.TryAddSingleton(sp =>
        {
            var engine = sp.GetRequiredService<IOptions<EngineOptions>>().Value;
            return new CorpusLayout(Path.GetFullPath(engine.CorpusPath, contentRoot), engine.MaxCorpusFileBytes);
        });
        services.TryAddSingleton<KnowledgeBaseBuilder>();
        services.TryAddSingleton<KnowledgeBaseHolder>();
        services.TryAddSingleton<ITopicCatalog>(sp => sp.GetRequiredService<KnowledgeBaseHolder>());
        services.TryAddSingleton<IUrgentSignScreen, UrgentSignScreen>();
        services.TryAddSingleton<IConversationStore, InMemoryConversationStore>();
        services.TryAddSingleton<ChatEngine>();
        services.TryAddSingleton<IChatEngine>(sp => sp.GetRequiredService<ChatEngine>());
        return services;
    }
}
