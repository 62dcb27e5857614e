namespace SkinBot.Core.Corpus;

/// <summary>What a corpus text is, so answers can say so honestly.</summary>
public enum TextKind
{
    /// <summary>A published article quoted as written (front matter <c>kind: article</c>).</summary>
    QuotedArticle,

    /// <summary>SkinBot's own summary of public guidance (front matter <c>kind: summary</c>).</summary>
    Summary,
}
