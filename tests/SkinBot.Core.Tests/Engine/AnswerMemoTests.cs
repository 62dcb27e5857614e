using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Conversations;
using SkinBot.Core.Engine;
using SkinBot.Core.Knowledge;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Engine;

public sealed class AnswerMemoTests
{
    private static readonly ConversationContext AfterRolling = new("scar_types", "rolling", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task The_same_words_in_the_same_conversation_state_are_understood_once()
    {
        var knowledge = await SharedKnowledgeAsync();
        var memo = new AnswerMemo(16);
        var calls = 0;
        Answer Understand() => Fake($"answer {++calls}");

        var first = memo.GetOrAdd(knowledge, "how do you treat them?", AfterRolling, Understand);
        var again = memo.GetOrAdd(knowledge, "how do you treat them?", AfterRolling with { AnsweredAt = DateTimeOffset.UtcNow }, Understand);

        Assert.Same(first, again);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Different_words_or_a_different_remembered_subject_are_understood_afresh()
    {
        var knowledge = await SharedKnowledgeAsync();
        var memo = new AnswerMemo(16);
        var calls = 0;
        Answer Understand() => Fake($"answer {++calls}");

        memo.GetOrAdd(knowledge, "how do you treat them?", AfterRolling, Understand);
        memo.GetOrAdd(knowledge, "how do you treat them?", AfterRolling with { Topic = "ice_pick" }, Understand);
        memo.GetOrAdd(knowledge, "how do you treat them?", null, Understand);
        memo.GetOrAdd(knowledge, "How do you treat them?", AfterRolling, Understand);

        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task A_new_knowledge_base_starts_an_empty_memo()
    {
        var shared = await SharedKnowledgeAsync();
        using var rebuilt = await KnowledgeBases.BuildAsync(RepositoryRoot.Corpus);
        var memo = new AnswerMemo(16);
        var calls = 0;
        Answer Understand() => Fake($"answer {++calls}");

        memo.GetOrAdd(shared, "what are boxcar scars?", null, Understand);
        memo.GetOrAdd(rebuilt, "what are boxcar scars?", null, Understand);

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task It_holds_at_most_about_its_capacity_and_keeps_what_is_asked_often()
    {
        var knowledge = await SharedKnowledgeAsync();
        var memo = new AnswerMemo(8);
        var calls = 0;
        Answer Understand() => Fake($"answer {++calls}");

        for (var round = 0; round < 10; round++)
        {
            memo.GetOrAdd(knowledge, "popular question", null, Understand);
            for (var i = 0; i < 3; i++)
            {
                memo.GetOrAdd(knowledge, $"one-off question {round} {i}", null, Understand);
            }
        }

        // 30 one-offs are each understood once; the popular question survives every generation change.
        Assert.Equal(31, calls);
        var before = calls;
        memo.GetOrAdd(knowledge, "one-off question 0 0", null, Understand);
        Assert.Equal(before + 1, calls);
    }

    [Fact]
    public async Task Capacity_zero_turns_it_off()
    {
        var knowledge = await SharedKnowledgeAsync();
        var memo = new AnswerMemo(0);
        var calls = 0;
        Answer Understand() => Fake($"answer {++calls}");

        memo.GetOrAdd(knowledge, "what are boxcar scars?", null, Understand);
        memo.GetOrAdd(knowledge, "what are boxcar scars?", null, Understand);

        Assert.False(memo.IsEnabled);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task An_engine_with_the_memo_answers_every_conversation_as_one_without_it()
    {
        var holder = await KnowledgeBases.SharedRepositoryCorpusAsync();
        var memoised = KnowledgeBases.Engine(holder);
        var plain = KnowledgeBases.Engine(holder, options: new EngineOptions { AnswerMemoCapacity = 0 });
        string[] conversation =
        [
            "what are rolling scars?", "how do you treat them?", "and at home?", "what are rolling scars?",
            "how do you treat them?", "thanks!!", "im 15 and my cheeks have pits from picking, can they go away??",
            "how do you treat them?", "i cut myself again last night", "how do you treat them?",
        ];

        // Twice over: the second pass is answered from the memo, in the same conversation states.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var text in conversation)
            {
                var request = new ChatRequest("test", "conversation", "user", text);
                var expected = AnswerJson.Serialize(await plain.AnswerAsync(request, CancellationToken.None));
                var actual = AnswerJson.Serialize(await memoised.AnswerAsync(request, CancellationToken.None));
                Assert.True(expected == actual, $"pass {pass}, \"{text}\":\nwithout memo: {expected}\nwith memo:    {actual}");
            }
        }
    }

    private static async Task<KnowledgeBase> SharedKnowledgeAsync()
    {
        var holder = await KnowledgeBases.SharedRepositoryCorpusAsync();
        using var lease = holder.Acquire();
        return lease.Knowledge;
    }

    private static Answer Fake(string headline) => new() { Intent = "test", Confidence = 1, Headline = headline, CorpusVersion = "test" };
}
