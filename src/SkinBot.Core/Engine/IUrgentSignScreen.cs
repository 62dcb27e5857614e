using SkinBot.Core.Chat;

using SkinBot.Core.Safety;

namespace SkinBot.Core.Engine;

/// <summary>
/// The safety screen on its own, for code in front of the engine that might otherwise turn a message away unread
/// (the abuse limits): a message that shows an urgent sign is let through, because its reply must never be missed.
/// </summary>
public interface IUrgentSignScreen
{
    /// <summary>The most urgent sign in the text or any command option of <paramref name="request"/>, or null.</summary>
    SafetyVerdict? Screen(ChatRequest request);
}
