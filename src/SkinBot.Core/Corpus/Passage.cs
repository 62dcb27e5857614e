namespace SkinBot.Core.Corpus;

/// <summary>The unit SkinBot quotes: one paragraph or one bullet of one article.</summary>
/// <param name="Id">"{articleId}#{ordinal within article}", stable while the article's structure is.</param>
/// <param name="Ordinal">Position in the whole corpus (index document order).</param>
/// <param name="SectionIds">The passage's section and all its ancestors, innermost last.</param>
/// <param name="SectionPath">Headings from the top of the article, plus the lead term for bullets that have one.</param>
/// <param name="LeadTerm">"Subcision" for "Subcision: With this procedure…"; null for ordinary paragraphs.</param>
public sealed record Passage(
    string Id,
    int Ordinal,
    string ArticleId,
    SourceInfo Source,
    IReadOnlyList<string> SectionIds,
    IReadOnlyList<string> SectionPath,
    string? LeadTerm,
    string Text,
    BlockKind Kind)
{
    /// <summary>The innermost section id.</summary>
    public string SectionId => SectionIds[^1];

    public bool IsInSection(string sectionId) => SectionIds.Contains(sectionId, StringComparer.Ordinal);
}
