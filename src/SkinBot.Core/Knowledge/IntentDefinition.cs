using SkinBot.Core.Domain;
using YamlDotNet.Serialization;
namespace SkinBot.Core.Knowledge;

/// <summary>One entry of intents.yml. Property names map to snake_case keys.</summary>
public sealed class IntentDefinition
{
    public string Id { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Question { get; set; } = string.Empty;

    public string Headline { get; set; } = string.Empty;

    public List<string> Sections { get; set; } = [];

    public int MaxPassages { get; set; } = 3;

    /// <summary>The list a treatment intent answers from: at_home or in_office (see <see cref="TreatmentSettingNames"/>).</summary>
    public string? Setting { get; set; }

    /// <summary><see cref="Setting"/> read; null when the intent is not about one list (or names an unknown one, which the catalog refuses).</summary>
    [YamlIgnore]
    public TreatmentSetting? TreatmentSetting => TreatmentSettingNames.ParseList(Setting);

    /// <summary>Words or short phrases that point to this intent wherever they appear in a message.</summary>
    public List<string> Signals { get; set; } = [];

    public List<string> Examples { get; set; } = [];

    /// <summary>
    /// The intent asks something particular about a scar type or treatment the message names ("does subcision
    /// hurt?", "what works on ice pick scars?"), so naming one does not turn the question into that thing's own
    /// passage or the generic treatment list (intents.yml <c>about_named: true</c>).
    /// </summary>
    public bool AboutNamed { get; set; }

    /// <summary>
    /// How the answer orders passages from several sections: <c>order</c> (default) quotes the sections as listed;
    /// <c>relevance</c> quotes the passages that best match the question first, the listed order breaking ties, so
    /// a question about risks reaches the risks section even when it is listed last.
    /// </summary>
    public string? Rank { get; set; }

    /// <summary>
    /// This intent answers "how do I treat [a named scar type]?" when the message does not say at home or in a clinic
    /// (intents.yml <c>treats_named_scar_type: true</c>; at most one intent should say so).
    /// </summary>
    public bool TreatsNamedScarType { get; set; }

    /// <summary>
    /// Broader intents this one answers for a particular case (intents.yml <c>narrows</c>): "how do I fade acne marks on
    /// deeper skin tones?" scores as a marks question, and darker_skin, which narrows marks_vs_pits, answers it when
    /// the message clearly names its case.
    /// </summary>
    public List<string> Narrows { get; set; } = [];

    /// <summary>
    /// The intent asks about procedures done in a clinic (what they cost, how they feel, the recovery): a message
    /// that says at home and names no clinic treatment ("cheapest stuff I can do from my bathroom") is asking for
    /// the at-home treatments instead, and one that weighs home against clinic ("creams or a derm?") for all the
    /// options (intents.yml <c>clinic_only: true</c>).
    /// </summary>
    public bool ClinicOnly { get; set; }

    public bool RanksByRelevance => string.Equals(Rank, "relevance", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The whole of intents.yml.</summary>
public sealed class IntentFile
{
    public string Caveat { get; set; } = string.Empty;



    /// <summary>Introduces what SkinBot can answer (greetings, help, out of scope).</summary>
    public string HelpMessage { get; set; } = string.Empty;

    public string OutOfScopeMessage { get; set; } = string.Empty;

    /// <summary>Said instead of guessing when the question is unclear.</summary>
    public string LowConfidenceMessage { get; set; } = string.Empty;

    /// <summary>Said before an answer that is only a best guess at what the question meant.</summary>
    public string BestGuessMessage { get; set; } = string.Empty;

    /// <summary>
    /// The reply to a message written in another language ({language} names it): SkinBot reads only English, so it
    /// says so and where to turn if the message meant danger.
    /// </summary>
    public string OtherLanguageMessage { get; set; } = string.Empty;

    /// <summary>
    /// One sentence per language name (as <see cref="OtherLanguageWords"/> and <see cref="ForeignScript"/> name them)
    /// saying, in that language, where to turn now: added to the other-language reply and to the crisis reply, so
    /// someone who cannot read the English reply still finds help.
    /// </summary>
    public Dictionary<string, string> HelpLines { get; set; } = [];

    /// <summary>Common short words of other languages, by language name, that tell a message is not in English.</summary>
    public Dictionary<string, List<string>> OtherLanguageWords { get; set; } = [];

    /// <summary>
    /// Common short English words ("what", "the", "how"): a message that holds more of them than of another language's
    /// words asks in English, whatever greeting or aside in that language comes with it.
    /// </summary>
    public List<string> EnglishWords { get; set; } = [];

    /// <summary>Extra words that mark a message as being about skin scarring, beyond lead terms and synonyms.</summary>
    public List<string> DomainTerms { get; set; } = [];

    /// <summary>
    /// Domain words with an everyday sense ("pick a film", "rolling my eyes"): they make a message about scarring only
    /// beside another word of skin or scarring.
    /// </summary>
    public List<string> EverydayWords { get; set; } = [];

    /// <summary>
    /// Parts of the face: beside a word with an everyday sense they make it about scarring ("dents on my cheeks",
    /// "I pick my chin"), though alone they are about anything ("my face hurts from laughing").
    /// </summary>
    public List<string> FaceWords { get; set; } = [];

    /// <summary>Words too common to tell intents apart by their nearest examples (pronouns, auxiliaries).</summary>
    public List<string> IgnoreWords { get; set; } = [];

    /// <summary>
    /// Words that look like a treatment's name to the stemmer but describe skin ("peeling" is not a chemical peel),
    /// each with the plain word it is read as.
    /// </summary>
    public Dictionary<string, string> DescriptiveWords { get; set; } = [];

    /// <summary>
    /// Chat shorthand ("hw", "wich", "b4", "tryin"), each with the words it stands for, read as those words before
    /// anything else reads the message for its intent.
    /// </summary>
    public Dictionary<string, string> Shorthand { get; set; } = [];

    public List<IntentDefinition> Intents { get; set; } = [];
}
