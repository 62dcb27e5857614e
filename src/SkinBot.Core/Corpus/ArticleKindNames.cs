namespace SkinBot.Core.Corpus;

/// <summary>The JSON names of <see cref="TextKind"/>.</summary>
public static class ArticleKindNames
{
    public const string Article = "article";
    public const string Summary = "summary";
}
