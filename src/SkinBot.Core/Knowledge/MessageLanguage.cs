namespace SkinBot.Core.Knowledge;

/// <summary>The language, other than English, that a message is written in, by its common words or its letters.</summary>
public static class MessageLanguage
{
    /// <summary>The language's name, or null for English (or a message too short to tell).</summary>
    public static string? Of(IReadOnlyList<string> surfaceWords, string text, IReadOnlyList<OtherLanguage> languages) =>
        OtherLanguage.Of(surfaceWords, languages)?.Name ?? ForeignScript.Of(text);

    /// <summary>
    /// <see cref="Of"/> for deciding whether to answer: null also when the message asks in English beside a greeting or
    /// a sentence in another language (<see cref="OtherLanguage.MostlyOf"/>).
    /// </summary>
    public static string? MostlyOf(IReadOnlyList<string> surfaceWords, string text, IReadOnlyList<OtherLanguage> languages, IReadOnlySet<string> english) =>
        OtherLanguage.MostlyOf(surfaceWords, languages, english)?.Name ?? ForeignScript.Of(text);
}
