namespace SkinBot.Core.Corpus;

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
