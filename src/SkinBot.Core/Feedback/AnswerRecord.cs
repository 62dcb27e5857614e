namespace SkinBot.Core.Feedback;

/// <summary>
/// What is kept about one answer, for votes to point at and for the content-gap report: what was answered and from
/// which passages, never who asked. <see cref="QuestionText"/> is null unless the operator opted in.
/// </summary>
public sealed record AnswerRecord(
    AnswerId Id,
    string Platform,
    string Intent,
    string? Topic,
    double Confidence,
    bool LowConfidence,
    string CorpusVersion,
    IReadOnlyList<string> PassageIds,
    DateTimeOffset At)
{
    /// <summary>SkinBot said its articles do not cover what was asked: a content gap for the report.</summary>
    public bool NotCovered { get; init; }

    /// <summary>The person, so "forget me" can unlink their answers; null once forgotten.</summary>
    public UserHash? User { get; init; }

    /// <summary>What was asked: health information, kept only with Feedback:StoreQuestionText and purged after retention.</summary>
    public string? QuestionText { get; init; }
}
