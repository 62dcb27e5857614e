using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;
using SkinBot.Core.Markup;
using SkinBot.Core.Safety;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Safety;

/// <summary>safety.yml: what it must contain, how its signs match, and what a maintainer's mistake looks like.</summary>
public sealed class SafetyCatalogTests
{
    private static readonly Lazy<SafetyCatalog> Real = new(() =>
        SafetyCatalog.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "safety.yml")), "safety.yml"));

    private const string Sources = """
            sources:
              - title: A page
                publisher: A publisher
                url: https://example.org/page
                retrieved: 2026-12-03

        """;

    private static string Tier(string id, string signs, string extra = "") =>
        $"  - id: {id}\n    headline: h\n    message: m\n    caveat: c\n{extra}{Sources}    signs:\n{signs}";

    private static string File4(string crisisSigns = "      - name: a\n        covers: x\n        phrases: [kill myself]\n", string crisisExtra = "") =>
        "negations: [no, not]\ntiers:\n"
        + Tier("crisis", crisisSigns, crisisExtra)
        + Tier("emergency", "      - name: b\n        covers: x\n        phrases: [after filler white]\n")
        + Tier("infection", "      - name: c\n        covers: x\n        phrases: [fever]\n", "    negatable: true\n")
        + Tier("see_doctor", "      - name: d\n        covers: x\n        near:\n          - [mole]\n          - [changed]\n        within: 3\n", "    negatable: true\n");

    [Fact]
    public void The_repository_file_has_the_four_tiers_most_urgent_first_each_with_https_sources_and_signs()
    {
        var catalog = Real.Value;

        Assert.Equal([Urgency.Crisis, Urgency.Emergency, Urgency.Infection, Urgency.SeeDoctorSoon], catalog.Tiers.Select(t => t.Urgency));
        Assert.All(catalog.Tiers, tier =>
        {
            Assert.NotEmpty(tier.Sources);
            Assert.All(tier.Sources, s => Assert.Equal(Uri.UriSchemeHttps, s.Url.Scheme));
            Assert.NotEmpty(tier.Signs);
        });
        Assert.False(catalog[Urgency.Crisis].Negatable);
    }

    [Fact]
    public void The_crisis_aside_added_to_other_replies_says_where_to_turn_now()
    {
        var aside = Real.Value[Urgency.Crisis].Aside;

        Assert.NotNull(aside);
        Assert.Contains("988", aside, StringComparison.Ordinal);
        Assert.Contains("116 123", aside, StringComparison.Ordinal);
        Assert.Contains("emergency number", aside, StringComparison.Ordinal);
    }

    [Fact]
    public void After_crisis_reads_its_own_signs_with_its_own_reply_and_the_crisis_caveat()
    {
        var catalog = SafetyCatalog.Parse(File4() + AfterCrisis("      - name: meaning-it\n        covers: x\n        phrases: [i mean it]\n"));

        var verdict = catalog.ScreenAfterCrisis("i mean it tho");

        Assert.NotNull(verdict);
        Assert.Equal("meaning-it", verdict.Sign.Name);
        Assert.Equal(Urgency.Crisis, verdict.Urgency);
        Assert.Equal("still here", verdict.Tier.Headline);
        Assert.Equal(catalog[Urgency.Crisis].Caveat, verdict.Tier.Caveat);
        Assert.Null(catalog.Screen("i mean it tho"));
        Assert.True(catalog.SaysSafeAfterCrisis("im safe now"));
        Assert.False(catalog.SaysSafeAfterCrisis("im safe now but i still have them"));
    }

    [Fact]
    public void Taking_back_signs_say_the_person_is_safe_unless_a_danger_sign_stands_beside_them()
    {
        var catalog = SafetyCatalog.Parse(File4() + AfterCrisis("      - name: meaning-it\n        covers: x\n        phrases: [not joking]\n")
            + "  taking_back:\n    - name: taking-back\n      covers: x\n      phrases: [not gonna off myself]\n      within: 10\n      unless: [yet]\n");

        Assert.True(catalog.TakesBackAfterCrisis("lol no im not gonna off myself"));
        Assert.True(catalog.SaysSafeAfterCrisis("lol no im not gonna off myself"));
        Assert.False(catalog.TakesBackAfterCrisis("im not gonna off myself yet"));
        Assert.False(catalog.TakesBackAfterCrisis("not joking, im not gonna off myself, ill just disappear"));
        Assert.Equal("taking-back", Assert.Single(catalog.AfterCrisis!.TakingBack).Name);
    }

    [Theory]
    [InlineData("      - name: a\n        covers: x\n        phrases: [i mean it]\n", "defined twice")]
    [InlineData("", "has no signs")]
    public void After_crisis_signs_are_checked_like_the_tiers_own(string signs, string expected)
    {
        var error = Assert.Throws<CorpusFormatException>(() => SafetyCatalog.Parse(File4() + AfterCrisis(signs)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static string AfterCrisis(string signs) =>
        "after_crisis:\n  headline: still here\n  message: call now\n  signs:\n" + signs
        + "  safe_signs:\n    - name: safe-now\n      covers: x\n      phrases: [im safe]\n      within: 10\n      unless: [but]\n";

    [Fact]
    public void After_a_near_miss_its_signs_get_the_crisis_tiers_own_reply_and_a_few_words_sign_reads_only_short_messages()
    {
        var catalog = SafetyCatalog.Parse(File4("      - name: a\n        covers: x\n        phrases: [kill myself]\n        unless: [lol]\n") + AfterNearMiss(
            "    - name: not-a-joke\n      covers: x\n      phrases: [wasnt joking]\n      unless: [jk]\n"
            + "    - name: few-words\n      covers: x\n      phrases: [fr]\n      max_words: 3\n"));

        var meant = catalog.ScreenAfterNearMiss("i wasnt joking");

        Assert.NotNull(meant);
        Assert.Equal("not-a-joke", meant.Sign.Name);
        Assert.Same(catalog[Urgency.Crisis], meant.Tier);
        Assert.Null(catalog.ScreenAfterNearMiss("i wasnt joking jk"));
        Assert.Equal("few-words", catalog.ScreenAfterNearMiss("no fr tho")?.Sign.Name);
        Assert.Null(catalog.ScreenAfterNearMiss("fr does it hurt"));
        Assert.Null(catalog.Screen("i wasnt joking"));
    }

    [Fact]
    public void A_crisis_sign_its_look_alike_cancelled_and_words_of_dying_are_found_as_near_misses()
    {
        var catalog = SafetyCatalog.Parse(File4("      - name: a\n        covers: x\n        phrases: [kill myself]\n        unless: [lol]\n") + AfterNearMiss(
            "    - name: not-a-joke\n      covers: x\n      phrases: [wasnt joking]\n"));

        Assert.Null(catalog.Screen("gonna kill myself lol"));
        Assert.Equal("a", catalog.ReadSpelled("gonna kill myself lol", emojiOnly: false).CancelledCrisisSign?.Sign.Name);
        Assert.Null(catalog.ReadSpelled("gonna kill my sister lol", emojiOnly: false).CancelledCrisisSign);
        Assert.Equal("the death of", catalog.NearWord("this itch is the death of me"));
        Assert.Null(catalog.NearWord("what are boxcar scars"));
    }

    [Theory]
    [InlineData("    - name: a\n      covers: x\n      phrases: [wasnt joking]\n", "defined twice")]
    [InlineData("    - name: z\n      covers: x\n      phrases: [fr]\n      max_words: 0\n", "'max_words' must be at least 1")]
    [InlineData("", "has no signs")]
    public void After_near_miss_signs_are_checked_like_the_tiers_own(string signs, string expected)
    {
        var error = Assert.Throws<CorpusFormatException>(() => SafetyCatalog.Parse(File4() + AfterNearMiss(signs)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static string AfterNearMiss(string signs) =>
        "after_near_miss:\n  near_words: [the death of, die]\n  signs:\n" + signs;

    [Fact]
    public void A_carried_subject_is_named_by_its_words_first_in_file_order_and_reads_the_next_message_for_the_medical_tiers_only()
    {
        var catalog = SafetyCatalog.Parse(File4() + CarriedSubjects(
            "  - name: filler\n    reads_as: [after filler]\n    words: [filler*, injected]\n"
            + "  - name: mole\n    reads_as: [the mole]\n    words: [mole, filler*]\n"));

        Assert.Equal(["filler", "mole"], catalog.NamedSubjects("is a mole under filler risky").Select(s => s.Name));
        Assert.Equal(["filler"], catalog.NamedSubjects("injected fillers").Select(s => s.Name));
        Assert.Empty(catalog.NamedSubjects("what are boxcar scars"));

        var filler = catalog.CarriedSubjects.FromNames("filler").Single();
        var mole = catalog.CarriedSubjects.FromNames("mole").Single();
        var verdict = catalog.ScreenWithSubject("white everywhere now", filler);
        Assert.Equal(Urgency.Emergency, verdict?.Urgency);
        Assert.StartsWith("after filler", verdict?.MatchedWords, StringComparison.Ordinal);
        Assert.Null(catalog.Screen("white everywhere now"));
        Assert.Equal(Urgency.SeeDoctorSoon, catalog.ScreenWithSubject("it changed", mole)?.Urgency);
        Assert.Null(catalog.ScreenWithSubject("it has not changed", mole));

        // A conversation remembers the names; one the corpus no longer has is left out.
        Assert.Equal("filler mole", SkinBot.Core.Safety.CarriedSubjects.NamesOf([filler, mole]));
        Assert.Equal([filler, mole], catalog.CarriedSubjects.FromNames("filler laser mole"));
        Assert.Empty(catalog.CarriedSubjects.FromNames(null));
    }

    [Fact]
    public void A_subject_is_never_a_crisis_reading_of_its_own()
    {
        // Subject words say what "it" was, not that someone is in danger: a crisis the words show only with them is not read.
        var catalog = SafetyCatalog.Parse(File4("      - name: a\n        covers: x\n        phrases: [kill myself with]\n") + CarriedSubjects(
            "  - name: self\n    reads_as: [kill myself]\n    words: [kill myself]\n"));

        Assert.Null(catalog.ScreenWithSubject("with it", catalog.CarriedSubjects.FromNames("self").Single()));
    }

    [Theory]
    [InlineData("  - name: filler\n    reads_as: [the injection]\n    words: [filler]\n", "which its own words do not name")]
    [InlineData("  - name: filler\n    reads_as: [the filler]\n    words: [filler]\n  - name: filler\n    reads_as: [filler]\n    words: [filler]\n", "defined twice")]
    [InlineData("  - name: filler\n    words: [filler]\n", "needs a name, reads_as and words")]
    [InlineData("  - name: Lip Filler\n    reads_as: [the filler]\n    words: [filler]\n", "one-word name in lower case")]
    public void Carried_subjects_are_checked_when_the_file_loads(string subjects, string expected)
    {
        var error = Assert.Throws<CorpusFormatException>(() => SafetyCatalog.Parse(File4() + CarriedSubjects(subjects)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static string CarriedSubjects(string subjects) => "carried_subjects:\n" + subjects;

    [Fact]
    public void After_a_medical_reply_each_medical_tier_replies_again_led_by_the_lead_and_safe_signs_say_it_was_seen_to()
    {
        var catalog = SafetyCatalog.Parse(File4() + "after_medical:\n  lead: Still needs a doctor.\n  safe_signs:\n    - name: seen\n      covers: x\n      phrases: [saw the doctor]\n      unless: [cant]\n"
            + "  still_needs:\n    - name: later\n      covers: x\n      phrases: [eventually]\n");

        var after = catalog.AfterMedical!;
        Assert.StartsWith("Still needs a doctor.\n", after[Urgency.Infection].Message, StringComparison.Ordinal);
        Assert.EndsWith(catalog[Urgency.Infection].Message, after[Urgency.Infection].Message, StringComparison.Ordinal);
        Assert.Equal(catalog[Urgency.Emergency].Headline, after[Urgency.Emergency].Headline);
        Assert.Equal(AfterMedicalCare.SeenTo, catalog.ReadAfterMedical("i saw the doctor this morning"));
        Assert.Equal(AfterMedicalCare.Unsaid, catalog.ReadAfterMedical("i cant get to see the doctor till monday"));
        Assert.Equal(AfterMedicalCare.Unsaid, catalog.ReadAfterMedical("i have not saw the doctor"));
        Assert.Equal(AfterMedicalCare.StillNeeded, catalog.ReadAfterMedical("ill go eventually"));
        Assert.Equal(AfterMedicalCare.StillNeeded, catalog.ReadAfterMedical("i saw the doctor but ill go back eventually"));
    }

    [Theory]
    [InlineData("after_medical:\n  safe_signs:\n    - name: seen\n      covers: x\n      phrases: [saw the doctor]\n", "needs a lead")]
    [InlineData("after_medical:\n  lead: x\n", "has no safe_signs")]
    [InlineData("after_medical:\n  lead: x\n  safe_signs:\n    - name: b\n      covers: x\n      phrases: [saw]\n", "defined twice")]
    public void After_medical_is_checked_when_the_file_loads(string section, string expected)
    {
        var error = Assert.Throws<CorpusFormatException>(() => SafetyCatalog.Parse(File4() + section));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Told_as_over_without_its_not_over_signs_is_refused()
    {
        // Without them "doing well, but its back again" would be answered as an ordinary question.
        var halfOver = File4() + "told_as_over:\n  over_signs:\n    - name: doing-well\n      covers: c\n      phrases: [\"doing well now\"]\n  past_signs:\n    - name: then\n      covers: c\n      phrases: [\"years ago\"]\n";

        var error = Assert.Throws<CorpusFormatException>(() => SafetyCatalog.Parse(halfOver, "safety.yml"));

        Assert.Contains("told_as_over needs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Told_as_over_needs_an_over_sign_and_no_not_over_sign_anywhere()
    {
        var told = Real.Value.TellsAsOver("survived an attempt at 17, doing really well now. what are my options");
        var notOver = Real.Value.TellsAsOver("survived an attempt at 17, doing really well, but lately its hard again");
        var negated = Real.Value.TellsAsOver("i have not been doing really well since september");

        Assert.NotNull(told);
        Assert.Null(notOver);
        Assert.Null(negated);
    }

    [Fact]
    public void Only_the_crisis_tier_may_have_an_aside()
    {
        var withAside = File4().Replace("  - id: emergency\n    headline: h\n", "  - id: emergency\n    headline: h\n    aside: call someone\n", StringComparison.Ordinal);
        Assert.NotEqual(File4(), withAside);

        var error = Assert.Throws<CorpusFormatException>(() => SafetyCatalog.Parse(withAside, "safety.yml"));

        Assert.Contains("only crisis has one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_crisis_reply_offers_people_to_talk_to_now_and_no_skincare()
    {
        var crisis = Real.Value[Urgency.Crisis];

        Assert.Contains("988", crisis.Message, StringComparison.Ordinal);
        Assert.Contains("116 123", crisis.Message, StringComparison.Ordinal);
        Assert.Contains("emergency number", crisis.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("infection", crisis.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("scar", crisis.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("i want to die, also my pimple has pus and the redness is spreading", Urgency.Crisis)]
    [InlineData("I'm not going to kill myself, I just hate my skin", Urgency.Crisis)]
    [InlineData("I had filler yesterday. Now my lip is white and cold.", Urgency.Emergency)]
    [InlineData("my cheek is red, hot and swollen and I have a fever", Urgency.Infection)]
    [InlineData("my mole got bigger and it itches", Urgency.SeeDoctorSoon)]
    [InlineData("there's a scab on my nose that never fully heals, it's been 2 months", Urgency.SeeDoctorSoon)]
    public void The_most_urgent_tier_a_message_shows_wins(string text, Urgency expected) =>
        Assert.Equal(expected, Real.Value.Screen(text)?.Urgency);

    /// <summary>
    /// "took them all" said on its own is a crisis until shown otherwise (spoilered word by word too); in a longer
    /// message, or beside exams, samples or photos, it needs a sorry, a goodbye or sleepiness beside it.
    /// </summary>
    [Theory]
    [InlineData("i took all of them", Urgency.Crisis)]
    [InlineData("||i|| ||took|| ||all|| ||of|| ||them||", Urgency.Crisis)]
    [InlineData("took all of them, the exams are over", null)]
    [InlineData("my derm gave me 4 samples to try and honestly i took all of them home to test", null)]
    public void Taken_them_all_said_alone_gets_the_crisis_reply(string text, Urgency? expected) =>
        Assert.Equal(expected, Real.Value.Screen(MessageNormalizer.Normalize(text))?.Urgency);

    /// <summary>
    /// Questions before a procedure ("will my face be all red and swollen?", hearsay of "the worst pain of their life")
    /// and moles a dermatologist found unchanged are look-alikes; the words that say so must not cancel the danger
    /// written beside them.
    /// </summary>
    [Theory]
    [InlineData("will my face be all red and swollen forever?? lips blew up after filler an hour ago and i cant open my eye", Urgency.Emergency)]
    [InlineData("got lip filler 3 hours ago, some say swelling is normal but its the worst pain of my life", Urgency.Emergency)]
    [InlineData("microneedled at home on saturday, the skin is peeling off in sheets and its bright raw underneath, stings like a burn when i wash", Urgency.Emergency)]
    [InlineData("derm checked my moles last year and none had changed but now one is bleeding and itchy", Urgency.SeeDoctorSoon)]
    [InlineData("filler yesterday, would recommend NOT going there, pain is 10/10 and my lip is grey", Urgency.Emergency)]
    public void A_look_alike_word_beside_a_medical_danger_does_not_cancel_it(string text, Urgency expected) =>
        Assert.Equal(expected, Real.Value.Screen(text)?.Urgency);

    [Theory]
    [InlineData("no fever, nothing spreading, just wondering about boxcar scars")]
    [InlineData("my mole hasn't changed in years, can a derm remove it for looks?")]
    [InlineData("i cut my bangs myself and they look awful lol")]
    [InlineData("this acne is killing me lol, what are rolling scars")]
    [InlineData("after my laser session my face was red and warm for the evening, gone by morning")]
    [InlineData("what are ice pick scars")]
    public void Harmless_look_alikes_show_no_sign(string text) =>
        Assert.Null(Real.Value.Screen(text));

    [Fact]
    public void The_verdict_names_the_sign_and_the_words_that_showed_it()
    {
        var verdict = Real.Value.Screen("my mole got bigger");

        Assert.NotNull(verdict);
        Assert.Equal("changing-mole", verdict.Sign.Name);
        Assert.Equal("mole got bigger", verdict.MatchedWords);
    }

    [Fact]
    public void A_minimal_file_parses_and_negation_applies_only_to_negatable_tiers()
    {
        var catalog = SafetyCatalog.Parse(File4());

        Assert.Equal(Urgency.Infection, catalog.Screen("I have a fever")?.Urgency);
        Assert.Null(catalog.Screen("no fever at all"));
        Assert.Equal(Urgency.Crisis, catalog.Screen("I will not kill myself")?.Urgency);
        Assert.Equal(Urgency.SeeDoctorSoon, catalog.Screen("the mole has changed")?.Urgency);
        Assert.Null(catalog.Screen("the mole has not changed"));
        Assert.Null(catalog.Screen("the mole on my back, which I have had since I was a child, changed"));
    }

    [Theory]
    [InlineData("getting more swollen not less, fever since last night")]
    [InlineData("not only a fever but the spot is bigger")]
    [InlineData("its not just a fever")]
    public void A_negation_that_means_more_than_does_not_cancel_a_sign(string text) =>
        Assert.Equal(Urgency.Infection, SafetyCatalog.Parse(File4()).Screen(text)?.Urgency);

    [Fact]
    public void An_unless_phrase_near_a_sign_cancels_only_that_occurrence()
    {
        var catalog = SafetyCatalog.Parse(File4("      - name: a\n        covers: x\n        phrases: [cut myself]\n        unless: [shaving]\n        within: 3\n"));

        Assert.Null(catalog.Screen("I cut myself shaving"));
        Assert.Equal(Urgency.Crisis, catalog.Screen("I cut myself shaving last week. And today I cut myself on purpose again")?.Urgency);
    }

    [Fact]
    public void A_plain_not_before_a_crisis_unless_phrase_keeps_the_sign_but_other_negations_do_not()
    {
        var catalog = SafetyCatalog.Parse(File4("      - name: a\n        covers: x\n        phrases: [how much doxy]\n        unless: [for my acne, wake up with]\n        within: 10\n"));

        Assert.Null(catalog.Screen("how much doxy should i take for my acne"));
        Assert.Equal(Urgency.Crisis, catalog.Screen("how much doxy before it does real damage, not for my acne")?.Urgency);
        Assert.Equal(Urgency.Crisis, catalog.Screen("how much doxy would do it, this isnt for my acne")?.Urgency);
        // "dont" names the harmless topic rather than denying it: the crisis tier's unless phrases are not turned round by it.
        Assert.Null(catalog.Screen("how much doxy, i dont wake up with new spots anymore"));
    }

    [Fact]
    public void Listed_misspellings_are_read_a_second_time_as_the_words_they_stand_for()
    {
        var catalog = SafetyCatalog.Parse(File4("      - name: a\n        covers: x\n        phrases: [take the pills tonight]\n") + "spellings: {tak: take, pils: pills, tonite: tonight}\n");

        Assert.Equal(Urgency.Crisis, catalog.Screen("gona tak the pils tonite")?.Urgency);
        Assert.Equal("take the pills tonight", catalog.Screen("gona tak the pils tonite")?.MatchedWords);
        Assert.Equal(Urgency.Crisis, catalog.Screen("going to take the pills tonight")?.Urgency);
        Assert.Null(catalog.Screen("tak the vitamins tonite"));
    }

    [Fact]
    public void A_respelling_never_hides_what_the_words_as_written_show()
    {
        // "fever" respelled to something harmless must not clear the infection the message shows as written.
        var catalog = SafetyCatalog.Parse(File4() + "spellings: {fever: favour}\n");

        Assert.Equal(Urgency.Infection, catalog.Screen("I have a fever")?.Urgency);
    }

    [Fact]
    public void Listed_particles_are_passed_over_in_the_second_reading_and_phrases_that_hold_them_still_match()
    {
        var catalog = SafetyCatalog.Parse(File4("      - name: a\n        covers: x\n        phrases: [जीने का मन नहीं, बोझ ही हूं]\n") + "particles: [ही]\n");

        Assert.Equal("जीने का मन नहीं", catalog.Screen("अब जीने का मन ही नहीं करता")?.MatchedWords);
        Assert.Equal("बोझ ही हूं", catalog.Screen("मैं सब पर बोझ ही हूं")?.MatchedWords);
        Assert.Null(catalog.Screen("आज पढ़ने का मन ही नहीं करता"));
        Assert.Null(SafetyCatalog.Parse(File4("      - name: a\n        covers: x\n        phrases: [जीने का मन नहीं]\n")).Screen("अब जीने का मन ही नहीं करता"));
    }

    [Theory]
    [InlineData("spellings: {two words: x}\n", "write one misspelt word")]
    [InlineData("spellings: {pils: ''}\n", "write one misspelt word")]
    [InlineData("particles: [बस यही]\n", "write one word")]
    [InlineData("spellings: {hii: hi}\nparticles: [hii]\n", "listed as a spelling or a particle twice")]
    public void A_bad_spelling_is_refused_and_named(string spellings, string reason)
    {
        var error = Assert.Throws<CorpusFormatException>(() => SafetyCatalog.Parse(File4() + spellings));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sign_that_yields_to_a_less_urgent_tier_gives_way_only_when_that_tier_shows_too()
    {
        var yaml = File4().Replace(
            "phrases: [after filler white]\n",
            "phrases: [after filler white]\n      - name: weeping\n        covers: x\n        phrases: [weeping after the peel]\n        yields_to: [infection]\n",
            StringComparison.Ordinal);
        var catalog = SafetyCatalog.Parse(yaml);

        Assert.Equal(Urgency.Emergency, catalog.Screen("skin weeping after the peel")?.Urgency);
        Assert.Equal(Urgency.Infection, catalog.Screen("skin weeping after the peel and a fever")?.Urgency);
        Assert.Equal("weeping", catalog.Screen("skin weeping after the peel and a fever")?.GaveWay?.Name);
        Assert.Equal(Urgency.Emergency, catalog.Screen("skin weeping after the peel and no fever")?.Urgency);
        Assert.Equal(Urgency.Emergency, catalog.Screen("after filler white skin and a fever")?.Urgency);
    }

    [Fact]
    public void An_unless_phrase_reaches_no_further_than_fifteen_words_whatever_the_signs_reach()
    {
        var catalog = SafetyCatalog.Parse(File4().Replace(
            "phrases: [after filler white]\n",
            "near:\n          - [filler]\n          - [white]\n        within: 40\n        unless: [lol]\n",
            StringComparison.Ordinal));
        var far = string.Join(' ', Enumerable.Repeat("and", 16));

        Assert.Null(catalog.Screen("after filler my lip went white lol"));
        Assert.Equal(Urgency.Emergency, catalog.Screen($"after filler my lip went white {far} my friend said lol")?.Urgency);
    }

    [Fact]
    public void A_sign_may_yield_to_a_single_sign_of_a_less_urgent_tier()
    {
        var yaml = File4().Replace(
            "phrases: [after filler white]\n",
            "phrases: [after filler white]\n        yields_to: [d]\n",
            StringComparison.Ordinal);
        var catalog = SafetyCatalog.Parse(yaml);

        Assert.Equal(Urgency.Emergency, catalog.Screen("after filler white and a fever")?.Urgency);
        Assert.Equal(Urgency.SeeDoctorSoon, catalog.Screen("after filler white and the mole changed")?.Urgency);
    }

    [Theory]
    [InlineData("emergency")]
    [InlineData("infection")]
    [InlineData("calm")]
    public void A_sign_may_yield_only_to_a_less_urgent_tier(string tier)
    {
        var yaml = File4().Replace("phrases: [fever]\n", $"phrases: [fever]\n        yields_to: [{tier}]\n", StringComparison.Ordinal);

        var error = Assert.Throws<CorpusFormatException>(() => SafetyCatalog.Parse(yaml));

        Assert.Contains("name a tier less urgent than 'infection' or one of its signs", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negated_unless_phrase_keeps_a_medical_sign_but_leaves_crisis_unless_phrases_alone()
    {
        var catalog = SafetyCatalog.Parse(File4("      - name: a\n        covers: x\n        phrases: [dont wake up]\n        unless: [breakout]\n        within: 5\n")
            .Replace("phrases: [fever]\n", "phrases: [fever]\n        unless: [gone]\n        within: 4\n", StringComparison.Ordinal));

        Assert.Null(catalog.Screen("had a fever but its gone"));
        Assert.Equal(Urgency.Infection, catalog.Screen("a fever that has not gone")?.Urgency);
        Assert.Null(catalog.Screen("hope i dont wake up with a breakout"));
    }

    [Fact]
    public void The_repository_file_keeps_a_sore_open_for_months_after_a_procedure_out_of_the_emergency_tier()
    {
        var verdict = Real.Value.Screen("the spot where i did tca cross 2 months ago never closed up, its still a little open crater that weeps sometimes");

        Assert.Equal(Urgency.SeeDoctorSoon, verdict?.Urgency);
        Assert.Equal(Urgency.Infection, Real.Value.Screen("after my derma roller session my cheeks are yellow crusty and weepy and my temp is 38.4")?.Urgency);
        Assert.Equal(Urgency.Emergency, Real.Value.Screen("2 days after my peel my cheeks are weeping clear fluid")?.Urgency);
    }

    [Theory]
    [InlineData("negations: []\ntiers: []\n", "tier 'crisis' is missing")]
    [InlineData("tiers: [unclosed\n", "not valid YAML")]
    public void A_file_without_every_tier_is_refused(string yaml, string reason)
    {
        var error = Assert.Throws<CorpusFormatException>(() => SafetyCatalog.Parse(yaml));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("      - name: a\n        covers: x\n", "", "neither phrases nor near")]
    [InlineData("      - name: a\n        covers: x\n        near:\n          - [one]\n", "", "two or more groups")]
    [InlineData("      - name: a\n        phrases: [x]\n", "", "needs a name and a 'covers'")]
    [InlineData("      - name: a\n        covers: x\n        phrases: [x]\n        negatable: true\n", "", "cannot be negatable")]
    [InlineData("      - name: a\n        covers: x\n        phrases: [x]\n", "    negatable: true\n", "cannot be negatable")]
    [InlineData("      - name: a\n        covers: x\n        phrases: [x]\n        within: 0\n", "", "'within'")]
    [InlineData("      - name: b\n        covers: x\n        phrases: [x]\n", "", "sign 'b' is defined twice")]
    [InlineData("      - name: a\n        covers: x\n        phrases: [x]\n        yields_to: [infection]\n", "", "crisis signs cannot yield")]
    public void A_maintainers_mistake_in_a_sign_is_refused_with_a_reason(string signs, string extra, string reason)
    {
        var error = Assert.Throws<CorpusFormatException>(() => SafetyCatalog.Parse(File4(signs, extra)));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("url: https://example.org/page", "url: http://example.org/page", "https url")]
    [InlineData("retrieved: 2026-12-03", "retrieved: last week", "retrieved date")]
    [InlineData("publisher: A publisher", "publisher: ''", "title and a publisher")]
    public void A_source_without_a_checkable_reference_is_refused(string good, string bad, string reason)
    {
        var error = Assert.Throws<CorpusFormatException>(() => SafetyCatalog.Parse(File4().Replace(good, bad, StringComparison.Ordinal)));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Emoji_in_the_list_are_read_as_their_words_and_other_emoji_are_left_alone()
    {
        var yaml = "emoji: {\"⚰\": coffin, \"🔪\": knife}\n" + File4("      - name: a\n        covers: x\n        near:\n          - [coffin, knife]\n          - [soon, tonight]\n        within: 3\n");
        var catalog = SafetyCatalog.Parse(yaml);

        Assert.Equal(Urgency.Crisis, catalog.Screen("⚰️ me soon")?.Urgency);
        Assert.Equal(Urgency.Crisis, catalog.Screen("🔪🛁 tonight")?.Urgency);
        Assert.Null(catalog.Screen("🎂 me soon"));
        Assert.Equal("plain words stay as they were", catalog.SpellEmoji("plain words stay as they were"));
    }

    [Theory]
    [InlineData("🪦🙂")]
    [InlineData("🔪🩸")]
    [InlineData("⚰️")]
    [InlineData("<@123456789012345678> 🪦")]
    public void A_message_of_nothing_but_danger_emoji_is_a_crisis(string text)
    {
        var verdict = Real.Value.Screen(MessageNormalizer.Normalize(text));

        Assert.Equal(Urgency.Crisis, verdict?.Urgency);
        Assert.Equal("danger-emoji-alone", verdict?.Sign.Name);
    }

    [Theory]
    [InlineData("this scar looks like a little gravestone lol")]
    [InlineData("knife")]
    [InlineData("🪦 this pit is the grave of my confidence lol")]
    [InlineData("💀💀💀")]
    [InlineData("😭")]
    public void Danger_words_in_a_sentence_and_harmless_emoji_alone_are_not_that_sign(string text) =>
        Assert.NotEqual("danger-emoji-alone", Real.Value.Screen(text)?.Sign.Name);

    [Theory]
    [InlineData("      - name: a\n        covers: x\n        phrases: [candle]\n        alone: true\n", "no emoji in 'emoji' spells 'candle'")]
    [InlineData("      - name: a\n        covers: x\n        phrases: [safety pin]\n        alone: true\n", "spells 'safety pin' as one word")]
    [InlineData("      - name: a\n        covers: x\n        phrases: [coffin]\n        unless: [lol]\n        alone: true\n", "no near groups or unless")]
    public void An_emoji_alone_sign_must_read_words_the_emoji_list_spells(string signs, string reason)
    {
        var yaml = "emoji: {\"⚰\": coffin, \"🧷\": safety pin}\n" + File4(signs);
        var error = Assert.Throws<CorpusFormatException>(() => SafetyCatalog.Parse(yaml));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }
}
