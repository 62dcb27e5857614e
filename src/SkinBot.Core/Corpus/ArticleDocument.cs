using SkinBot.Core.Answers;

namespace SkinBot.Core.Corpus;

/// <summary>An article as read from disk, before it is split into passages.</summary>
/// <param name="Id">Stable id: the file name without extension, lower-cased.</param>
/// <param name="FilePath">Where it was read from, for log lines.</param>
/// <param name="Source">Citation details from front matter (or the page title for raw scrapes).</param>
/// <param name="Blocks">Headings, paragraphs and bullets in document order.</param>
public sealed record ArticleDocument(string Id, string FilePath, SourceInfo Source, IReadOnlyList<ArticleBlock> Blocks);

public enum BlockKind
{
    Heading,
    Paragraph,
    Bullet,
}

/// <param name="Level">Heading level (2 = section, 3 = sub-section); 0 for paragraphs and bullets.</param>
/// <param name="AnchorId">Explicit heading id from <c>{#id}</c>; null means "derive a slug from the text".</param>
public sealed record ArticleBlock(BlockKind Kind, string Text, int Level = 0, string? AnchorId = null);
