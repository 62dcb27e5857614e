namespace SkinBot.Core.Corpus;

/// <summary>An article as read from disk, before it is split into passages.</summary>
/// <param name="Id">Stable id: the file name without extension, lower-cased.</param>
/// <param name="FilePath">Where it was read from, for log lines.</param>
/// <param name="Source">Citation details from front matter (or the page title for raw scrapes).</param>
/// <param name="Blocks">Headings, paragraphs and bullets in document order.</param>
public sealed record ArticleDocument(string Id, string FilePath, SourceInfo Source, IReadOnlyList<ArticleBlock> Blocks)
{
    /// <summary>The sources a summary's passages cite, by their <c>[^id]</c>; empty for a quoted article.</summary>
    public IReadOnlyDictionary<string, SourceInfo> CitableSources { get; init; } = new Dictionary<string, SourceInfo>(StringComparer.Ordinal);
}

public enum BlockKind
{
    Heading,
    Paragraph,
    Bullet,
}

/// <param name="Level">Heading level (2 = section, 3 = sub-section); 0 for paragraphs and bullets.</param>
/// <param name="AnchorId">Explicit heading id from <c>{#id}</c>; null means "derive a slug from the text".</param>
/// <param name="Line">1-based line of the block in its file (0 when unknown), for corpus checks.</param>
public sealed record ArticleBlock(BlockKind Kind, string Text, int Level = 0, string? AnchorId = null, int Line = 0)
{
    /// <summary>The <c>[^id]</c> markers that ended the paragraph or bullet, in order (markers are not part of <see cref="Text"/>).</summary>
    public IReadOnlyList<string> CitedSourceIds { get; init; } = [];
}
