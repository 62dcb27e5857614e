using System.Text.Json;
using System.Text.Json.Serialization;
using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;

namespace SkinBot.Core.Answers;

/// <summary>
/// The documented, stable JSON form of an <see cref="Answer"/> (schema version 1), shared by
/// <c>skinbot ask --json</c> and <c>POST /api/chat</c>. Add fields; never rename or remove them.
/// </summary>
public static class AnswerJson
{
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    public static AnswerDocument ToDocument(Answer answer) => new(
        SchemaVersion,
        answer.Intent,
        Math.Round(answer.Confidence, 4),
        answer.LowConfidence,
        answer.Headline,
        answer.Message,
        [.. answer.Passages.Select(p => new PassageDocument(
            p.Id,
            p.Text,
            p.SectionPath,
            p.SectionPathText,
            p.SectionId,
            p.LeadTerm,
            ToDocument(p.Source),
            Math.Round(p.Score, 4)))],
        [.. answer.FollowUps.Select(f => new FollowUpDocument(f.Label, f.Question))],
        answer.Caveat,
        answer.Topic,
        answer.CorpusVersion,
        Suppressed: false,
        AnswerTextRenderer.Render(answer))
    {
        Urgency = answer.Urgency.ToName(),
        BestGuess = answer.BestGuess,
    };

    private static SourceDocument ToDocument(SourceInfo source) =>
        new(source.Title, source.Publisher, source.Url, source.Expert)
        {
            Kind = source.Kind == TextKind.Summary ? ArticleKindNames.Summary : ArticleKindNames.Article,
            Retrieved = source.Retrieved,
            ReviewedBy = source.ReviewedBy,
            AlsoCited = [.. source.AlsoCited.Select(ToDocument)],
        };

    public static string Serialize(Answer answer) => JsonSerializer.Serialize(ToDocument(answer), Options);

    /// <summary>A document, or a door's own record derived from it (which adds its fields), as UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(AnswerDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.SerializeToUtf8Bytes(document, document.GetType(), Options);
    }
}

/// <param name="Suppressed">
/// Always false: a document is only written for something to show. Kept because schema 1 never removes a field; a refused
/// web message is a 429, not a document.
/// </param>
/// <remarks>Not sealed: a door that sends more with the answer (the web chat's conversation id) derives from it.</remarks>
public record AnswerDocument(
    int SchemaVersion,
    string Intent,
    double Confidence,
    bool LowConfidence,
    string Headline,
    string? Message,
    IReadOnlyList<PassageDocument> Passages,
    IReadOnlyList<FollowUpDocument> FollowUps,
    string? Caveat,
    string? Topic,
    string CorpusVersion,
    bool Suppressed,
    string Rendered)
{
    /// <summary>"none", "see_doctor", "infection", "emergency" or "crisis" (added in schema 1; see <see cref="UrgencyNames"/>).</summary>
    public string Urgency { get; init; } = UrgencyNames.None;

    /// <summary>Answered as a best guess: the message says so and the follow-ups start with the nearest other topics (added in schema 1).</summary>
    public bool BestGuess { get; init; }
}

public sealed record PassageDocument(
    string Id,
    string Text,
    IReadOnlyList<string> SectionPath,
    string SectionPathText,
    string? SectionId,
    string? LeadTerm,
    SourceDocument Source,
    double Score);

public sealed record SourceDocument(string Title, string? Publisher, string? Url, string? Expert)
{
    /// <summary>"article" (quoted as written) or "summary" (SkinBot's own words) (added in schema 1).</summary>
    public string Kind { get; init; } = ArticleKindNames.Article;

    /// <summary>When the source was read, ISO date (added in schema 1).</summary>
    public string? Retrieved { get; init; }

    /// <summary>The clinician who reviewed a summary, or null (added in schema 1).</summary>
    public string? ReviewedBy { get; init; }

    /// <summary>Further sources the passage rests on (added in schema 1).</summary>
    public IReadOnlyList<SourceDocument> AlsoCited { get; init; } = [];
}

public sealed record FollowUpDocument(string Label, string Question);
