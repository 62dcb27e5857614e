using SkinBot.Core.Chat;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Markup;
using SkinBot.Core.Safety;

namespace SkinBot.Core.Engine;

/// <summary>Screens a whole request against the loaded safety catalogue: its text and every command option.</summary>
public sealed class UrgentSignScreen(KnowledgeBaseHolder knowledgeHolder) : IUrgentSignScreen
{
    /// <summary>Longer than any platform delivers (Teams allows about 28 KB); a bound only against abuse. The screen is linear.</summary>
    public const int MaxScreenedLength = 64 * 1024;

    public SafetyVerdict? Screen(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var lease = knowledgeHolder.TryAcquire();
        return lease is null ? null : Screen(request, lease.Knowledge);
    }

    /// <summary>The most urgent tier among the text and the options wins.</summary>
    public static SafetyVerdict? Screen(ChatRequest request, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(knowledge);
        var texts = request.Command is { } command ? command.Options.Values.Append(request.Text) : [request.Text];
        return texts
            .Select(t => ScreenText(t, knowledge))
            .OfType<SafetyVerdict>()
            .MaxBy(v => v.Urgency);
    }

    public static SafetyVerdict? ScreenText(string? text, KnowledgeBase knowledge) =>
        string.IsNullOrEmpty(text)
            ? null
            : knowledge.ScreenSafety(MessageNormalizer.Normalize(text.Length > MaxScreenedLength ? text[..MaxScreenedLength] : text));
}
