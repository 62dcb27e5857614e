namespace SkinBot.Core.CorpusChecks;

/// <summary>The bounds the corpus check holds passages to, in one place.</summary>
public static class CorpusCheckLimits
{
    /// <summary>Fewer words than this is a fragment, not something an answer can quote on its own.</summary>
    public const int MinPassageWords = 8;

    /// <summary>More words than this in a summary is too long to quote in a chat message; split it.</summary>
    public const int MaxSummaryPassageWords = 120;

    /// <summary>More words than this even in a quoted article is past what a Discord embed shows comfortably.</summary>
    public const int MaxQuotedPassageWords = 180;
}
