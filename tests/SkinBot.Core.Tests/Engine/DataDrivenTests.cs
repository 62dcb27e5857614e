using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Core.Engine;
using SkinBot.Core.Knowledge;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Engine;

/// <summary>Synonyms and intents are data: a maintainer's edit changes behaviour without touching code.</summary>
public sealed class DataDrivenTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    private async Task<(KnowledgeBaseHolder Holder, ChatEngine Engine)> BuildAsync()
    {
        var holder = new KnowledgeBaseHolder();
        holder.Swap(await KnowledgeBases.BuildAsync(_corpus.Root));
        return (holder, KnowledgeBases.Engine(holder));
    }

    [Fact]
    public async Task A_new_synonym_line_makes_a_new_spelling_find_the_passage()
    {
        _corpus.Edit("synonyms.txt", text => text.Replace("subcision, subscision, sub-cision", "subcision, subscision, sub-cision, tissue release needling", StringComparison.Ordinal));
        var (holder, _) = await BuildAsync();
        using (holder)
        using (var lease = holder.Acquire())
        {
            var knowledge = lease.Knowledge;

            Assert.Equal(knowledge.Analyzer.Terms("subcision"), knowledge.Analyzer.Terms("tissue release needling"));
            Assert.Equal("Subcision", knowledge.Index.Search(knowledge.Analyzer.Terms("tissue release needling"), null, 1)[0].Passage.LeadTerm);
        }
    }

    [Fact]
    public async Task A_new_intent_in_intents_yml_is_answered_from_its_sections()
    {
        _corpus.Edit("intents.yml", text => text.Replace(
            "\nintents:\n",
            """

            intents:
              - id: summary
                title: the short version
                question: What is the short version?
                headline: The short version
                sections: [bottom-line]
                max_passages: 1
                signals: [summary^2, tldr^2, short version^2, in short, sum up, summarise, summarize, bottom line]
                examples:
                  - give me the short version
                  - summarise the article for me
                  - what is the bottom line
                  - tldr please
                  - sum it all up

            """,
            StringComparison.Ordinal));
        var (holder, engine) = await BuildAsync();
        using (holder)
        {
            var answer = await engine.AnswerAsync(new ChatRequest(Platforms.Web, "c", "u", "tldr of the pockmarks article please"), CancellationToken.None);

            Assert.Equal("summary", answer.Intent);
            Assert.Equal("The short version", answer.Headline);
            Assert.Equal("bottom-line", Assert.Single(answer.Passages).SectionId);
            Assert.False(string.IsNullOrWhiteSpace(answer.Caveat));
        }
    }

    [Fact]
    public async Task The_caveat_text_comes_from_intents_yml()
    {
        _corpus.Edit("intents.yml", text => text.Replace("caveat: >-\n", "caveat: >-\n  EDITED CAVEAT.\n", StringComparison.Ordinal));
        var (holder, engine) = await BuildAsync();
        using (holder)
        {
            var answer = await engine.AnswerAsync(new ChatRequest(Platforms.Web, "c", "u", "what is subcision?"), CancellationToken.None);

            Assert.StartsWith("EDITED CAVEAT.", answer.Caveat, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_new_safety_sign_routes_its_messages_to_its_tier()
    {
        _corpus.Edit("safety.yml", text => text.Replace("    signs:\n      - name: changing-mole\n", "    signs:\n      - name: purple-spots\n        covers: a maintainer's new sign\n        phrases: [purple spots]\n      - name: changing-mole\n", StringComparison.Ordinal));
        var (holder, engine) = await BuildAsync();
        using (holder)
        {
            var answer = await engine.AnswerAsync(new ChatRequest(Platforms.Web, "c", "u", "I have purple spots around my subcision"), CancellationToken.None);

            Assert.Equal("urgent", answer.Intent);
            Assert.Equal(Urgency.SeeDoctorSoon, answer.Urgency);
            Assert.Empty(answer.Passages);
        }
    }
}
