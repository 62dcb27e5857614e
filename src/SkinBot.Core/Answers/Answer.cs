using SkinBot.Core.Domain;
using SkinBot.Core.Feedback;

namespace SkinBot.Core.Answers;

/// <summary>
/// A platform-neutral answer. Renderers (Discord embed, Teams card, web JSON, CLI text) only lay it out:
/// every fact in it is a <see cref="AnswerPassage"/> quoted from the corpus.
/// </summary>
public sealed record Answer
{
    /// <summary>
    /// The matched intent id (see <see cref="Domain.IntentIds"/>); on a notice the pipeline shows in place of an answer,
    /// the outcome's name (<see cref="Domain.TurnOutcomeNames"/>), for the answer document and the metrics only.
    /// </summary>
    public required string Intent { get; init; }

    /// <summary>0..1: how sure the classifier was of <see cref="Intent"/>.</summary>
    public required double Confidence { get; init; }

    /// <summary>One line that titles the answer ("Boxcar scars").</summary>
    public required string Headline { get; init; }

    /// <summary>
    /// SkinBot's own words, when it has something to say that is not a quote: urgent advice, "I'm not sure", a
    /// rate-limit notice. Plain text, with any echo of what the person typed unescaped: renderers that emit markup
    /// use <see cref="MessageText"/> instead. Setting it sets <see cref="MessageText"/> to SkinBot's own words.
    /// </summary>
    public string? Message
    {
        get => MessageText?.Plain;
        init => MessageText = value is null ? null : AnswerText.Own(value);
    }

    /// <summary><see cref="Message"/> with the text the person typed kept apart, so each renderer can escape it for its platform.</summary>
    public AnswerText? MessageText { get; init; }

    /// <summary>Quoted corpus passages, best first.</summary>
    public IReadOnlyList<AnswerPassage> Passages { get; init; } = [];

    /// <summary>Questions the person can ask next; each is asked verbatim when its button is pressed.</summary>
    public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];

    /// <summary>The see-a-dermatologist caveat. Present on every substantive answer.</summary>
    public string? Caveat { get; init; }

    /// <summary>True when SkinBot was not sure enough to answer and offered the nearest topics instead.</summary>
    public bool LowConfidence { get; init; }

    /// <summary>
    /// True when SkinBot said its articles do not cover what was asked about (a treatment or thing they never
    /// mention) and offered the nearest topics: a content gap, counted apart from low confidence in the report.
    /// </summary>
    public bool NotCovered { get; init; }

    /// <summary>Answered, but as a best guess at what the question meant: the message says so.</summary>
    public bool BestGuess { get; init; }

    /// <summary>Fingerprint of the corpus the answer came from, so a complaint can be traced to exact content.</summary>
    public required string CorpusVersion { get; init; }

    /// <summary>The subject the answer is about (a scar type or treatment term), remembered for follow-ups.</summary>
    public string? Topic { get; init; }

    /// <summary>
    /// The safety tier of a go-to-care reply; <see cref="Domain.Urgency.None"/> for everything else. Adapters show
    /// any other tier prominently and never with treatment follow-ups.
    /// </summary>
    public Urgency Urgency { get; init; }

    /// <summary>
    /// Whether the message came near a crisis reading without getting one (a crisis sign one of its look-alikes
    /// cancelled, or the crisis model's doubt): the conversation remembers it, and the next message is read for saying it
    /// was meant ("no fr tho"). Never shown.
    /// </summary>
    public bool NearCrisis { get; init; }

    /// <summary>
    /// What the message named that the next one may call "it" (a filler, a procedure, a mole): the conversation
    /// remembers it, and a next message that shows no sign alone is read with it for the medical tiers. Never shown.
    /// </summary>
    public IReadOnlyList<Safety.CarriedSubject> Subjects { get; init; } = [];

    /// <summary>
    /// Set by the host when it records the answer for feedback: vote buttons carry it. Null where feedback is off or
    /// the answer was not recorded, and then no vote buttons are shown.
    /// </summary>
    public AnswerId? Id { get; init; }

    /// <summary>A go-to-care reply of the safety screen: shown prominently, never with follow-up buttons.</summary>
    public bool IsUrgent => Urgency != Urgency.None;

    /// <summary>True when the answer quotes the corpus and therefore must carry the caveat.</summary>
    public bool IsSubstantive => Passages.Count > 0;
}
