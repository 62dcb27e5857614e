namespace SkinBot.Core.Search;

/// <summary>Field names of the passage index.</summary>
public static class PassageFields
{
    /// <summary>
    /// Corpus-wide ordinal of the passage, as a doc value: mapping a hit back to its passage then reads one number
    /// instead of decompressing a block of stored fields.
    /// </summary>
    public const string Ordinal = "ord";

    /// <summary>The passage's innermost section id (not analysed), for filtering by intent.</summary>
    public const string Section = "section";

    /// <summary>Section headings, analysed.</summary>
    public const string Path = "path";

    /// <summary>Lead term ("Subcision"), analysed.</summary>
    public const string Lead = "lead";

    /// <summary>Passage text, analysed.</summary>
    public const string Text = "text";
}
