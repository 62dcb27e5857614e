using SkinBot.Core.Corpus;
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

/// <summary>A suggested next question. <paramref name="Question"/> is sent as if typed when the button is pressed.</summary>
public sealed record FollowUp(string Label, string Question);
