using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;
using SkinBot.Core.Safety;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Safety;

/// <summary>safety-languages.yml: the same tiers' signs in other languages, kept in a file of their own.</summary>
public sealed class SafetyLanguageSignsTests
{
    private static readonly string[] Languages =
    [
        "spanish", "portuguese", "french", "german", "italian", "tagalog", "hindi", "indonesian", "polish", "turkish", "arabizi",
        "dutch", "russian", "ukrainian", "chinese", "japanese", "korean", "arabic", "urdu", "persian", "bengali", "vietnamese", "thai", "swedish", "greek", "romanian",
        "swahili", "czech", "hebrew", "punjabi", "serbian-croatian", "amharic", "tigrinya", "nepali", "tamil", "telugu", "sinhala", "yoruba", "hausa",
        "finnish", "pidgin", "singlish",
        "hungarian", "malay", "slovak", "slovenian", "bulgarian", "azerbaijani", "cantonese", "marathi", "kurdish", "khmer", "afrikaans", "igbo", "zulu", "xhosa", "somali",
        "macedonian", "belarusian", "catalan", "galician", "lithuanian", "latvian", "albanian",
        "norwegian", "danish", "estonian", "georgian", "armenian", "mongolian", "pashto", "tajik", "uzbek", "kazakh", "kyrgyz", "burmese", "lao",
        "gujarati", "kannada", "malayalam", "javanese", "cebuano", "haitian", "shona", "kinyarwanda", "icelandic", "welsh", "basque",
    ];

    private static readonly Lazy<SafetyCatalog> Real = new(() => SafetyCatalog.Parse(
        File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "safety.yml")),
        "safety.yml",
        new SafetySignsText(File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "safety-languages.yml")), "safety-languages.yml")));

    private static string Tier(string id, string sign, bool negatable = false) =>
        $"  - id: {id}\n    headline: h\n    message: m\n    caveat: c\n    negatable: {(negatable ? "true" : "false")}\n"
        + "    sources: [{title: t, publisher: p, url: \"https://example.org/\", retrieved: 2026-12-05}]\n"
        + $"    signs:\n      - {sign}\n";

    /// <summary>A small safety.yml, with <c>language_negations</c> when given one ("{french: [pas]}").</summary>
    private static string SafetyYaml(string? languageNegations = null) =>
        "negations: [no]\n" + (languageNegations is null ? string.Empty : $"language_negations: {languageNegations}\n") + "tiers:\n"
        + Tier("crisis", "{name: english, covers: x, phrases: [kill myself]}")
        + Tier("emergency", "{name: filler, covers: x, phrases: [after filler white]}")
        + Tier("infection", "{name: fever, covers: x, phrases: [fever, pus]}", negatable: true)
        + Tier("see_doctor", "{name: mole, covers: x, phrases: [mole changed]}", negatable: true);

    private static SafetyCatalog Parse(string languages, string? languageNegations = null) =>
        SafetyCatalog.Parse(SafetyYaml(languageNegations), "safety.yml", new SafetySignsText(languages, "safety-languages.yml"));

    [Fact]
    public void Every_sore_and_wound_sign_of_the_languages_file_carries_its_own_negation_and_is_not_negatable()
    {
        // "it has not healed for weeks" says its negation itself; a negation word before it must not cancel it.
        var sores = Real.Value[Urgency.SeeDoctorSoon].Signs
            .Where(s => s.Name.StartsWith("see-doctor-sore", StringComparison.Ordinal) || s.Name.StartsWith("see-doctor-wound", StringComparison.Ordinal))
            .ToList();

        Assert.True(sores.Count > 100, $"only {sores.Count} sore and wound signs found");
        Assert.All(sores, sign => Assert.True(sign.Negatable == false, $"{sign.Name} is negatable"));
    }

    [Fact]
    public void A_negation_listed_for_one_language_cancels_its_signs_and_the_english_ones_but_never_another_languages()
    {
        var catalog = Parse(
            """
            infection:
              - {name: infection-french, covers: x, phrases: [du pus]}
              - {name: infection-indonesian, covers: x, phrases: [ada nanah]}
            """,
            "{french: [pas]}");

        Assert.Equal("fever", catalog.Screen("plein de pus")?.Sign.Name);
        Assert.Null(catalog.Screen("pas du pus, juste rouge"));
        Assert.Null(catalog.Screen("pas de pus"));
        Assert.Equal("infection-indonesian", catalog.Screen("pas bangun tidur ada nanah")?.Sign.Name);
        Assert.Null(catalog.Screen("no ada nanah"));
    }

    [Fact]
    public void A_language_negation_for_a_language_no_sign_is_written_in_fails_the_catalog()
    {
        var error = Assert.Throws<CorpusFormatException>(() => Parse(
            """
            infection:
              - {name: infection-french, covers: x, phrases: [du pus]}
            """,
            "{frensh: [pas]}"));

        Assert.Contains("frensh", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pas habis laser kemarin kulitku melepuh dan perih banget", Urgency.Emergency)]
    [InlineData("ik heb pas gisteren laser gehad en nu zitten er blaren op mijn wang", Urgency.Emergency)]
    [InlineData("sem imela laser in zdaj imam mehurje in kožo odprto", Urgency.Emergency)]
    [InlineData("pas de pus, pas de fièvre, juste un peu rouge après le peeling", Urgency.None)]
    [InlineData("sem pus e sem febre, só vermelho depois do peeling", Urgency.None)]
    public void Another_languages_negation_does_not_cancel_a_sign_where_it_is_an_ordinary_word(string message, Urgency expected) =>
        Assert.Equal(expected, Real.Value.Screen(message)?.Tier.Urgency ?? Urgency.None);

    [Fact]
    public void Signs_of_the_languages_file_join_their_tier_after_its_own_and_show_its_reply()
    {
        var catalog = Parse("""
            crisis:
              - {name: crisis-spanish, covers: x, phrases: [quiero morirme]}
            see_doctor:
              - name: mole-spanish
                covers: x
                near:
                  - [lunar]
                  - [sangra]
                within: 5
            """);

        Assert.Equal(["english", "crisis-spanish"], catalog[Urgency.Crisis].Signs.Select(s => s.Name));
        Assert.Equal("crisis-spanish", catalog.Screen("ya no puedo más, quiero morirme")?.Sign.Name);
        Assert.Equal(Urgency.SeeDoctorSoon, catalog.Screen("mi lunar sangra desde ayer")?.Tier.Urgency);
        Assert.Equal("english", catalog.Screen("i want to kill myself")?.Sign.Name);
        Assert.Null(catalog.Screen("quiero un protector solar"));
    }

    [Theory]
    [InlineData("urgent:\n  - {name: a-spanish, covers: x, phrases: [morir]}\n", "'urgent' is not a tier")]
    [InlineData("crisis:\n  - {name: english, covers: x, phrases: [morir]}\n", "sign 'english' is defined twice")]
    [InlineData("crisis:\n  - {name: a-spanish, phrases: [morir]}\n", "needs a name and a 'covers'")]
    [InlineData("crisis:\n  - {name: a-spanish, covers: x, phrases: [morir], yields_to: [infection]}\n", "crisis signs cannot yield")]
    public void A_mistake_in_the_languages_file_is_refused_and_names_it(string languages, string reason)
    {
        var error = Assert.Throws<CorpusFormatException>(() => Parse(languages));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains("safety-languages.yml", error.FilePath, StringComparison.Ordinal);
    }

    /// <summary>
    /// A sign written for another language must not show on plain English: accent-free spellings and loanwords collide
    /// with English words ("brand" is Swedish for burnt, "fresh" is Hinglish), and a skin question that meets one
    /// beside "laser" or "marks" got an emergency or a crisis reply. The English question sets and the English
    /// look-alikes are screened with and without the languages file, and no message may differ.
    /// </summary>
    [Fact]
    public void No_sign_of_the_languages_file_shows_on_the_english_question_sets()
    {
        var englishOnly = SafetyCatalog.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "safety.yml")), "safety.yml");
        var shown = new List<string>();
        string[] files =
        [
            "questions.yml", "dev-questions.yml", "real-style.yml", "real-style-holdout.yml", "real-style-blind.yml", "corpus-skin.yml",
            "corpus-procedures.yml", "corpus-medicines.yml", "corpus-camouflage.yml", "intent-probes.yml", "safety.yml",
        ];
        foreach (var file in files)
        {
            var path = RepositoryRoot.Eval(file);
            foreach (var question in SkinBot.Core.Evaluation.EvalSet.Parse(File.ReadAllText(path), path).Questions.Where(q => q.Urgency is null or "none"))
            {
                if (Real.Value.Screen(question.Text) is { } verdict && englishOnly.Screen(question.Text)?.Sign.Name != verdict.Sign.Name)
                {
                    shown.Add($"{file}: {verdict.Sign.Name} (\"{verdict.MatchedWords}\") in \"{question.Text}\"");
                }
            }
        }

        Assert.True(shown.Count == 0, string.Join('\n', shown));
    }

    [Fact]
    public void Every_sign_of_the_repository_file_names_its_language()
    {
        var english = SafetyCatalog.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "safety.yml")), "safety.yml")
            .Tiers.SelectMany(t => t.Signs).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var added = Real.Value.Tiers.SelectMany(t => t.Signs).Where(s => !english.Contains(s.Name)).ToList();

        Assert.True(added.Count >= 100, $"safety-languages.yml adds only {added.Count} signs");
        Assert.All(added, sign => Assert.Contains(Languages, language => sign.Name.EndsWith("-" + language, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("ya no quiero despertar, todos estarían mejor sin mí", Urgency.Crisis)]
    [InlineData("je veux juste dormir et ne jamais me réveiller", Urgency.Crisis)]
    [InlineData("annem bilmiyor ama kollarıma jilet atıyorum", Urgency.Crisis)]
    [InlineData("mój tata ma pieprzyk, który zaczął swędzieć i krwawić", Urgency.SeeDoctorSoon)]
    [InlineData("pieprzyk krwawi od tygodnia, kształt nie zmienia się ale krwawi", Urgency.SeeDoctorSoon)] // "nie" denies the change, not the bleeding
    [InlineData("अब जीने का मन ही नहीं करता yaar", Urgency.Crisis)] // an emphasis particle inside a listed phrase
    [InlineData("tenho uma ferida no nariz que não sara há semanas", Urgency.SeeDoctorSoon)]
    [InlineData("pas de fièvre, pas de pus, juste un petit bouton rouge", Urgency.None)]
    [InlineData("which laser brand is best for rolling scars", Urgency.None)]
    [InlineData("these marks are fresh, will they scar?", Urgency.None)]
    [InlineData("udah nyiapin tali di kamar", Urgency.Crisis)]
    [InlineData("tidak ada nanah dan tidak demam, cuma merah dikit", Urgency.None)]
    [InlineData("me muero de risa con este meme jaja", Urgency.None)]
    [InlineData("ya tengo todo listo para mi cita de láser mañana", Urgency.None)]
    [InlineData("online wala laser use kiya, ab chhale pad gaye hain", Urgency.Emergency)]
    public void The_repository_files_read_a_risk_in_another_language_and_leave_its_idioms_alone(string message, Urgency expected)
    {
        Assert.Equal(expected, Real.Value.Screen(message)?.Tier.Urgency ?? Urgency.None);
    }
}
