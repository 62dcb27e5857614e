using SkinBot.Core.Corpus;
using SkinBot.Core.Scope;
using SkinBot.Core.Text;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Scope;

/// <summary>topics.yml: which subjects are recognised, and when pockmark words keep a message in scope.</summary>
public sealed class ScopeCatalogTests
{
    private static readonly Lazy<ScopeCatalog> Repository = new(() =>
        ScopeCatalog.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "topics.yml"))));

    private static string? TopicOf(string text) => Repository.Value.Screen(SurfaceWords.Of(text))?.Topic.Id;

    [Theory]
    [InlineData("my cat scratched my arm last month and it left a white line, will it fade?", "injury_scars")]
    [InlineData("I nicked myself shaving with a razor and there's a mark now", "injury_scars")]
    [InlineData("how do i get my c-section scar to look flatter", "surgical_scars")]
    [InlineData("i have a little dent where my c section scar is", "surgical_scars")]
    [InlineData("had a mole cut out last year and now there's an indented scar", "surgical_scars")]
    [InlineData("I have a keloid on my ear from a piercing, what can I do", "raised_scars")]
    [InlineData("my old nose piercing closed up and left a little dent, can that be filled?", "piercing_scars")]
    [InlineData("are stretch marks on my thighs permanent?", "stretch_marks")]
    [InlineData("my eczema left dark patches on my arms", "eczema")]
    [InlineData("is it safe to dye my hair while breastfeeding", "pregnancy_other")]
    [InlineData("does accutane make you tired all the time", "isotretinoin_other")]
    [InlineData("can I use retinol together with my benzoyl peroxide wash?", "medicines")]
    [InlineData("can i use tretinoin and bha on my pitted scars or will they react", "medicines")]
    [InlineData("do vitamin c and retinol cancel each other out? using both for boxcar scars", "medicines")]
    [InlineData("how do I clear my breakouts before prom", "active_acne")]
    [InlineData("I want to get a mole removed from my cheek", "moles")]
    [InlineData("what helps with vitiligo patches", "other_skin")]
    [InlineData("tiny rough bumps all over the backs of my arms like chicken skin, could they leave scars like acne does?", "other_skin")]
    [InlineData("holes in my nails what does that mean", "nail_pits")]
    [InlineData("there's a little pit in my back tooth and it hurts when i drink cold stuff", "teeth")]
    [InlineData("my phone screen has tiny pits and dents all over it, can i buff them out", "not_skin")]
    [InlineData("dimples on my thighs, cellulite i think, is it the same as pitted skin", "cellulite")]
    [InlineData("my dog has a bald scabby spot on his leg, what cream can i put on it", "pets")]
    [InlineData("can i keep taking my antibiotics while im on tretinoin?", "medicines_taken")]
    [InlineData("got a scar on my knee from coming off my scooter", "injury_scars")]
    [InlineData("sun spots on my hands, how do i fade them", "other_skin")]
    [InlineData("my flu jab left a hypertrophic scar on my arm, would silicone sheets flatten it?", "raised_scars")]
    [InlineData("fell off my bike and scraped my chin, it healed into a shiny sunken scar, will microneedling help?", "injury_dents")]
    [InlineData("i self harmed a few years ago and have white lines on my arm, does laser help them fade?", "self_harm_scars")]
    [InlineData("got a sunburn so bad it peeled and now theres blotchy darker marks on my shoulders", "sun_marks")]
    [InlineData("my cheeks and nose are always red with little visible veins, someone said vbeam laser helps", "rosacea")]
    public void A_message_about_another_subject_names_it(string text, string topic)
    {
        Assert.Equal(topic, TopicOf(text));
    }

    [Theory]
    [InlineData("what are rolling scars?")]
    [InlineData("I have eczema too but mostly I want to know about these pitted acne scars on my cheeks")]
    [InlineData("will popping my pimples leave scars?")]
    [InlineData("how do I stop my acne from scarring")]
    [InlineData("what is surgical scar revision?")]
    [InlineData("my red marks are gone but the little holes are still there, will they ever fill in?")]
    [InlineData("hypertrophic scar vs keloid, whats the actual difference?")]
    [InlineData("does microneedling hurt?? my pain tolerance is awful, i cried getting my ears pierced")]
    [InlineData("does silicone gel do anything for acne keloids on my chest?")]
    [InlineData("what would a dermatologist give me for dark post acne spots?")]
    [InlineData("will concealer cancel out the shadows my rolling scars make")]
    [InlineData("had punch excision last week, the stitches come out friday and it looks fine")]
    [InlineData("stopped roaccutane in april, when can i start doing something about the holes?")]
    [InlineData("i was on antibiotics for my acne last year and now i just have flat pink marks left from it")]
    [InlineData("the scab from the spot i picked, do i let it fall off on its own?")]
    [InlineData("what about the brown ones. theyre not dents, just dark patches where the pimples used to be")]
    [InlineData("still breaking out every week, how do i stop new ones from forming? i dont want more pits")]
    [InlineData("does the sun make my acne marks darker? i got a bit sunburnt and the pih looks worse")]
    [InlineData("picked at a pimple and it left a little dent, will it fill in?")]
    [InlineData("picked at a spot with my nails and now theres a hole in my cheek")]
    [InlineData("i have pitted acne scars and also a hole in my tooth lol, what fixes the scars")]
    [InlineData("i have pits on my cheeks from acne and my nails are short, what helps the pits")]
    public void A_message_about_pockmarks_is_not_taken_for_another_subject(string text)
    {
        Assert.Null(TopicOf(text));
    }

    [Theory]
    [InlineData("whats the best face wash for breakouts? i dont have any scars yet just lots of whiteheads")]
    [InlineData("benzoyl peroxide or salicylic acid for a pimple on my chin? no scars, i just want it gone by friday")]
    public void Breakouts_beside_scars_that_are_not_there_are_about_the_breakouts(string text)
    {
        Assert.Equal("active_acne", TopicOf(text));
    }

    [Theory]
    [InlineData("i have no scars yet, how do i prevent them while my acne clears?")]
    [InlineData("breaking out a lot but no scars so far. how do i make sure these spots dont scar?")]
    public void Breakouts_beside_scars_not_there_yet_but_feared_are_about_preventing_them(string text)
    {
        Assert.Null(TopicOf(text));
    }

    [Fact]
    public void The_reply_names_the_subject_and_the_next_step()
    {
        var verdict = Repository.Value.Screen(SurfaceWords.Of("my keloid from an ear piercing itches"))!;

        var reply = Repository.Value.ReplyFor(verdict);

        Assert.Contains("keloid", reply, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("pockmarks", reply, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("dermatologist", reply, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("reply: hi\ntopics: []", "{about}")]
    [InlineData("reply: \"about {about}\"\ntopics:\n  - id: x\n    about: y\n    phrases: []", "no phrases")]
    [InlineData("reply: \"about {about}\"\ntopics:\n  - id: x\n    about: y\n    yields_to: sometimes\n    phrases: [a]", "yields_to")]
    [InlineData("reply: \"about {about}\"\ntopics:\n  - id: x\n    about: y\n    phrases: [a]\n  - id: x\n    about: z\n    phrases: [b]", "twice")]
    [InlineData("reply: [", "not valid YAML")]
    public void A_broken_topics_file_is_refused_with_the_reason(string yaml, string reason)
    {
        var error = Assert.Throws<CorpusFormatException>(() => ScopeCatalog.Parse(yaml));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prefix_phrase_matches_inflections_and_apostrophes_are_ignored()
    {
        var phrases = new PhraseSet(["scratch*", "don't pick"]);

        Assert.Equal(["scratch*", "don't pick"], phrases.Find(SurfaceWords.Of("The cat SCRATCHED me. Dont pick it")).Select(m => m.Phrase));
        Assert.Empty(phrases.Find(SurfaceWords.Of("a scrap of paper")));
    }

    [Fact]
    public void A_topic_with_causes_counts_only_beside_one_of_them()
    {
        var catalog = ScopeCatalog.Parse("""
            reply: It sounds like you're asking about {about}.
            topics:
              - id: raised_scars
                about: a raised scar that did not come from acne
                yields_to: never
                with: [piercing*, surgery]
                phrases: [keloid*]
            """);

        Assert.Equal("raised_scars", catalog.Screen(SurfaceWords.Of("my keloid from a piercing"))?.Topic.Id);
        Assert.Null(catalog.Screen(SurfaceWords.Of("what is a keloid")));
    }

    [Theory]
    [InlineData("I get eczema on my cheeks now and then, would that stop me having microneedling?", true)]
    [InlineData("prone to cold sores, is a laser a problem for someone like me?", true)]
    [InlineData("what cream helps my eczema flare-ups", false)]
    public void A_condition_asked_about_as_background_to_a_procedure_says_so(string text, bool background)
    {
        var verdict = Repository.Value.Screen(SurfaceWords.Of(text));

        Assert.NotNull(verdict);
        Assert.Equal(background, verdict.AsksCandidacy);
    }
}
