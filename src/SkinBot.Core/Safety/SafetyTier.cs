using SkinBot.Core.Domain;

namespace SkinBot.Core.Safety;

/// <summary>One tier of safety.yml, parsed: the go-to-care reply and the signs that call for it.</summary>
public sealed record SafetyTier(
    Urgency Urgency,
    string Headline,
    string Message,
    string Caveat,
    bool Negatable,
    IReadOnlyList<SafetySource> Sources,
    IReadOnlyList<SafetySign> Signs,
    string? Aside = null);
