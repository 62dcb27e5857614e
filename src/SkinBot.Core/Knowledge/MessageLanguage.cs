namespace SkinBot.Core.Knowledge;

/// <summary>The language, other than English, that a message is written in, by its common words or its letters.</summary>
public static class MessageLanguage
{
    /// <summary>The language's name, or null for English (or a message too short to tell).</summary>
    public static string? Of(IReadOnlyList<string> surfaceWords, string text, IReadOnlyList<OtherLanguage> languages) =>
        OtherLanguage.Of(surfaceWords, languages)?.Name ?? ForeignScript.Of(text);
}
