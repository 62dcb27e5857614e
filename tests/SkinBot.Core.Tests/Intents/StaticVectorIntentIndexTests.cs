using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;
using SkinBot.Core.Engine;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Knowledge.Semantic;
using SkinBot.Core.Search;
using SkinBot.Core.Text;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Intents;

/// <summary>Scoring intents by meaning: paraphrases that share no word with an example still find their intent.</summary>
public sealed class StaticVectorIntentIndexTests
{
    private static readonly IntentDefinition[] SmallIntents =
    [
        Intent("home", "what products can I use at home", "which creams work on scars", "is there a serum I can buy", "best cheap skincare routine to fix scars", "does retinol help acne scars"),
        Intent("clinic", "what procedures does a dermatologist do", "should I get laser treatment in a clinic", "how much does a professional treatment cost", "is microneedling done by a doctor worth it", "which surgery fixes deep scars"),
        Intent("forever", "will my scars last forever", "do these marks ever fade away", "is this damage permanent", "can scars go away naturally over time", "are pitted scars there for good"),
    ];

    private static readonly Lazy<StaticVectorIntentIndex> Small = new(() => StaticVectorIntentIndex.FromEmbedded(SmallIntents, []));

    private static IntentDefinition Intent(string id, params string[] examples) => new() { Id = id, Examples = [.. examples] };

    [Theory]
    [InlineData("vitamin serums and lotions", "home")]
    [InlineData("drugstore moisturiser recommendations", "home")]
    [InlineData("booking appointments with skin specialists", "clinic")]
    [InlineData("stuck with them lifelong", "forever")]
    public void A_paraphrase_with_no_shared_word_scores_its_intent_highest(string message, string intent)
    {
        var exampleWords = SmallIntents.Single(i => i.Id == intent).Examples.SelectMany(SurfaceWords.Of).ToHashSet();
        Assert.DoesNotContain(SurfaceWords.Of(message), exampleWords.Contains);

        var scores = Small.Value.Classify(message);

        Assert.NotEmpty(scores);
        Assert.Equal(intent, scores[0].Intent);
    }

    [Theory]
    [InlineData("are they going to stay for good", IntentIds.Permanence)]
    [InlineData("what can a skin doctor do about these", IntentIds.TreatmentInOffice)]
    [InlineData("what kinds are there", IntentIds.ScarTypes)]
    [InlineData("recommend a good pizza place", IntentIds.OutOfScope)]
    [InlineData("hi there", IntentIds.GreetingHelp)]
    public async Task The_repository_intents_are_found_by_meaning(string message, string intent)
    {
        using var lease = (await KnowledgeBases.SharedRepositoryCorpusAsync()).Acquire();
        var index = lease.Knowledge.SemanticExamples;

        Assert.NotNull(index);
        Assert.Equal(intent, index.Classify(message)[0].Intent);
    }

    [Theory]
    [InlineData("and those?")]
    [InlineData("is it")]
    [InlineData("laser")]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("!!! ??? ... 12345")]
    [InlineData("xqzv plorfk wubbaflux")]
    [InlineData("🙂🙂🙂 987654321098765432")]
    public void Empty_unknown_or_too_slight_input_scores_nothing(string message)
    {
        Assert.Empty(Small.Value.Classify(message));
    }

    [Fact]
    public void Scores_are_similarities_best_first()
    {
        var rambling = string.Join(' ', Enumerable.Repeat("what creams can I use at home for pitted scars", 500));

        foreach (var message in new[] { "laser clinic", "the the the laser scar", rambling, "scar remedies" })
        {
            var scores = Small.Value.Classify(message);
            Assert.All(scores, s => Assert.InRange(s.Score, 0.0, 1.0));
            Assert.Equal(scores.OrderByDescending(s => s.Score).Select(s => s.Intent), scores.Select(s => s.Intent));
        }
    }

    [Fact]
    public void Intents_without_examples_are_not_scored()
    {
        var index = StaticVectorIntentIndex.FromEmbedded([Intent("empty"), Intent("only-noise", "xqzv plorfk"), Intent("home", "which creams work on scars", "what can I use at home")], []);

        Assert.Equal(2, index.ExampleCount);
        Assert.DoesNotContain(index.Classify("creams for scars"), s => s.Intent is "empty" or "only-noise");
    }

    [Fact]
    public async Task The_engine_option_turns_semantic_intents_off()
    {
        var builder = new KnowledgeBaseBuilder(
            new CorpusLoader(NullLogger<CorpusLoader>.Instance),
            new PassageIndexStore(null, NullLogger<PassageIndexStore>.Instance),
            NullLogger<KnowledgeBaseBuilder>.Instance,
            Options.Create(new EngineOptions { SemanticIntents = false }));

        using var knowledge = await builder.BuildAsync(new CorpusLayout(RepositoryRoot.Corpus), CancellationToken.None);

        Assert.Null(knowledge.SemanticExamples);
    }
}
