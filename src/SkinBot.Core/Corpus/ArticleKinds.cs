namespace SkinBot.Core.Corpus;

/// <summary>Reads the front matter's <c>kind:</c>.</summary>
public static class ArticleKinds
{
    /// <summary>The kind named, or null when it is missing or unknown (the corpus check reports an unknown one).</summary>
    public static TextKind? Parse(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        ArticleKindNames.Article => TextKind.QuotedArticle,
        ArticleKindNames.Summary => TextKind.Summary,
        _ => null,
    };
}
