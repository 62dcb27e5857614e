using SkinBot.Core.Intents;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Intents;

/// <summary>
/// One knowledge base serves every request at once. Classifying from many threads gives exactly what one thread
/// gives: the indexes' per-document lookups were once shared Lucene doc values, which are not thread-safe, and
/// under load a question failed with an index out of range or could read another document's intent.
/// </summary>
public sealed class ConcurrentClassificationTests
{
    private static readonly string[] Questions =
    [
        "what are boxcar scars?", "how do i get rid of ice pick scars", "does retinol help pockmarks?",
        "are my flat red marks scars", "i picked a spot how do i stop it scarring", "does subcision hurt",
        "how long after accutane can i get laser", "is tretinoin safe while pregnant", "can pockmarks be prevented",
        "are pitted scars permanent", "what can a dermatologist do for my scars", "is laser safe for brown skin",
    ];

    [Fact]
    public async Task Many_threads_classify_exactly_as_one_does()
    {
        using var lease = (await KnowledgeBases.SharedRepositoryCorpusAsync()).Acquire();
        var knowledge = lease.Knowledge;
        var expected = Questions.ToDictionary(q => q, q => IntentClassifier.Classify(q, knowledge, null, 0.35));

        var work = Enumerable.Range(0, 40).SelectMany(_ => Questions).ToArray();
        var results = new (string Question, IntentDecision Decision)[work.Length];
        await Parallel.ForAsync(0, work.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, (i, _) =>
        {
            results[i] = (work[i], IntentClassifier.Classify(work[i], knowledge, null, 0.35));
            return ValueTask.CompletedTask;
        });

        Assert.All(results, r =>
        {
            Assert.Equal(expected[r.Question].Intent, r.Decision.Intent);
            Assert.Equal(expected[r.Question].Confidence, r.Decision.Confidence);
        });
    }
}
