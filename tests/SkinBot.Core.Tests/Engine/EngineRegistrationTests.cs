using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Core.Conversations;
using SkinBot.Core.Corpus;
using SkinBot.Core.Engine;
using SkinBot.Core.Knowledge;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Engine;

/// <summary>AddSkinBotEngine: options bound and validated, paths resolved against the content root, one engine.</summary>
public sealed class EngineRegistrationTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSkinBotEngine(configuration, RepositoryRoot.Path);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Paths_are_resolved_against_the_content_root()
    {
        using var services = Services(("Engine:CorpusPath", "corpus"));

        Assert.Equal(RepositoryRoot.Corpus, services.GetRequiredService<CorpusLayout>().Root);
    }

    [Fact]
    public async Task The_registered_engine_answers_once_a_knowledge_base_is_swapped_in()
    {
        using var services = Services(("Engine:InMemoryIndex", "true"));
        var holder = services.GetRequiredService<KnowledgeBaseHolder>();
        var engine = services.GetRequiredService<IChatEngine>();

        // Before: not an answer but the not-ready outcome, which the turn pipeline turns into its notice.
        await Assert.ThrowsAsync<KnowledgeNotReadyException>(() => engine.AnswerAsync(new ChatRequest(Platforms.Cli, "c", "u", "what is subcision?"), CancellationToken.None).AsTask());
        holder.Swap(await services.GetRequiredService<KnowledgeBaseBuilder>().BuildAsync(services.GetRequiredService<CorpusLayout>(), CancellationToken.None));
        var after = await engine.AnswerAsync(new ChatRequest(Platforms.Cli, "c", "u", "what is subcision?"), CancellationToken.None);

        Assert.Equal("Subcision", after.Passages[0].LeadTerm);
        Assert.Same(holder, services.GetRequiredService<ITopicCatalog>());
        Assert.Same(services.GetRequiredService<ChatEngine>(), engine);
        Assert.IsType<InMemoryConversationStore>(services.GetRequiredService<IConversationStore>());
        Assert.IsType<UrgentSignScreen>(services.GetRequiredService<IUrgentSignScreen>());
    }

    [Fact]
    public void An_own_conversation_store_replaces_the_in_memory_one()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConversationStore, NullStore>();
        services.AddSkinBotEngine(new ConfigurationBuilder().Build(), RepositoryRoot.Path);

        using var provider = services.BuildServiceProvider();

        Assert.IsType<NullStore>(provider.GetRequiredService<IConversationStore>());
    }

    [Theory]
    [InlineData("Engine:LowConfidenceThreshold", "1.5")]
    [InlineData("Engine:FollowUpWindow", "00:00:00")]
    [InlineData("Engine:WatchDebounce", "01:00:00")]
    [InlineData("Engine:MaxConversations", "5")]
    [InlineData("Engine:CorpusPath", "")]
    [InlineData("Engine:MaxCorpusFileBytes", "0")]
    [InlineData("Engine:MaxCorpusFileBytes", "1073741824")]
    public void Invalid_engine_options_are_rejected(string key, string value)
    {
        using var services = Services((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EngineOptions>>().Value);

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        using var services = Services();

        var options = services.GetRequiredService<IOptions<EngineOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(15), options.FollowUpWindow);
        Assert.False(options.InMemoryIndex);
        Assert.Equal(4 * 1024 * 1024, options.MaxCorpusFileBytes);
    }

    [Fact]
    public void The_corpus_size_limit_reaches_the_corpus_reader()
    {
        using var services = Services(("Engine:MaxCorpusFileBytes", "5000"), ("Engine:InMemoryIndex", "true"));

        Assert.Equal(5000, services.GetRequiredService<CorpusLayout>().Files.MaxFileBytes);
    }

    private sealed class NullStore : IConversationStore
    {
        public ValueTask<ConversationContext?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<ConversationContext?>(null);

        public ValueTask SetAsync(string key, ConversationContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<int> ForgetUserAsync(string platform, string userId, CancellationToken cancellationToken) => ValueTask.FromResult(0);
    }
}
