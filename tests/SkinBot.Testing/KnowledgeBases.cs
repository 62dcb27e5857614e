using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkinBot.Core.Conversations;
using SkinBot.Core.Corpus;
using SkinBot.Core.Engine;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Search;

namespace SkinBot.Testing;

/// <summary>Builds real knowledge bases (real loader, real Lucene) and engines over them, as the host does.</summary>
public static class KnowledgeBases
{
    private static readonly Lazy<Task<KnowledgeBaseHolder>> Repository = new(async () =>
    {
        var holder = new KnowledgeBaseHolder();
        holder.Swap(await BuildAsync(RepositoryRoot.Corpus));
        return holder;
    });

    /// <summary>
    /// The repository's corpus in memory, built once per test run and shared read-only by every test that does
    /// not edit it. Never dispose it.
    /// </summary>
    public static Task<KnowledgeBaseHolder> SharedRepositoryCorpusAsync() => Repository.Value;

    /// <param name="corpusRoot">A corpus folder (articles/, synonyms.txt, intents.yml).</param>
    /// <param name="indexRoot">Where to persist the index; null keeps it in memory.</param>
    public static Task<KnowledgeBase> BuildAsync(string corpusRoot, string? indexRoot = null, ILoggerFactory? logs = null, CancellationToken cancellationToken = default) =>
        Builder(indexRoot, logs).BuildAsync(new CorpusLayout(corpusRoot), cancellationToken);

    public static KnowledgeBaseBuilder Builder(string? indexRoot = null, ILoggerFactory? logs = null)
    {
        logs ??= NullLoggerFactory.Instance;
        return new KnowledgeBaseBuilder(
            new CorpusLoader(logs.CreateLogger<CorpusLoader>()),
            new PassageIndexStore(indexRoot, logs.CreateLogger<PassageIndexStore>()),
            logs.CreateLogger<KnowledgeBaseBuilder>());
    }

    /// <summary>A real <see cref="ChatEngine"/> with its own in-memory conversation store.</summary>
    public static ChatEngine Engine(KnowledgeBaseHolder holder, TimeProvider? time = null, EngineOptions? options = null, IConversationStore? conversations = null)
    {
        time ??= TimeProvider.System;
        var wrapped = Options.Create(options ?? new EngineOptions());
        return new ChatEngine(
            holder,
            conversations ?? new InMemoryConversationStore(wrapped, time),
            wrapped,
            time);
    }
}
