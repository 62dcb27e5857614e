namespace SkinBot.Core.Safety;

/// <summary>
/// What SkinBot says whenever it cannot read a message through its screen (still loading, a failure, a timeout, a
/// message refused unread): it cannot know the person is safe, so the reply fails closed and says where help is.
/// Kept in code, not corpus/safety.yml, because it must be there precisely when the corpus may not be.
/// </summary>
public static class SafetyNet
{
    public const string Text =
        "If you might hurt yourself, or a skin problem is quickly getting worse (spreading redness, fever, trouble after a procedure), " +
        "don't wait for me: call your local emergency number or a crisis line, or see a doctor today.";
}
