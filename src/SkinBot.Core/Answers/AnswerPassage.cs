namespace SkinBot.Core.Answers;

/// <summary>One quoted passage with everything needed to cite it.</summary>
/// <param name="Id">Stable passage id (article id + ordinal), used by evaluation and tracing.</param>
/// <param name="Text">The passage text exactly as in the corpus (or a trim of it ending in an ellipsis).</param>
/// <param name="SectionPath">Section headings from the article root, e.g. ["Treatments", "In-office treatments"].</param>
/// <param name="LeadTerm">The term a bullet starts with ("Subcision"), when it has one.</param>
/// <param name="Source">The article it came from.</param>
/// <param name="Score">Retrieval score (BM25 after boosts); only comparable within one answer.</param>
public sealed record AnswerPassage(
    string Id,
    string Text,
    IReadOnlyList<string> SectionPath,
    string? LeadTerm,
    SourceInfo Source,
    double Score)
{
    /// <summary>Id of the passage's innermost section (e.g. "treatments-in-office"), for tracing and evaluation.</summary>
    public string? SectionId { get; init; }

    /// <summary>Section path joined for display: "Treatments › In-office treatments".</summary>
    public string SectionPathText => string.Join(" › ", SectionPath);
}

/// <summary>Citation of what a passage rests on: the article it quotes, or the public source SkinBot summarised.</summary>
/// <param name="Title">Article or source title.</param>
/// <param name="Publisher">Where it was published, as given in front matter (may be empty).</param>
/// <param name="Url">Canonical address when known.</param>
/// <param name="Expert">The expert quoted ("Rachel Maiman, MD").</param>
public sealed record SourceInfo(string Title, string? Publisher, string? Url, string? Expert)
{
    /// <summary>Whether the passage quotes this source or is SkinBot's own summary of it.</summary>
    public TextKind Kind { get; init; } = TextKind.QuotedArticle;

    /// <summary>When the source was read (ISO date), when known.</summary>
    public string? Retrieved { get; init; }

    /// <summary>The clinician who reviewed SkinBot's summary; null until one has.</summary>
    public string? ReviewedBy { get; init; }

    /// <summary>Further sources the same passage rests on, cited after this one.</summary>
    public IReadOnlyList<SourceInfo> AlsoCited { get; init; } = [];
}

/// <summary>What a corpus text is, so answers can say so honestly.</summary>
public enum TextKind
{
    /// <summary>A published article quoted as written (front matter <c>kind: article</c>).</summary>
    QuotedArticle,

    /// <summary>SkinBot's own summary of public guidance (front matter <c>kind: summary</c>).</summary>
    Summary,
}

/// <summary>A suggested next question. <paramref name="Question"/> is sent as if typed when the button is pressed.</summary>
public sealed record FollowUp(string Label, string Question);
