namespace SkinBot.Core.Conversations;

/// <summary>
/// Follow-up memory, keyed by platform, conversation and user. Implementations forget entries after the
/// configured window; a shared store (e.g. Redis) can replace the in-memory one for several instances.
/// </summary>
public interface IConversationStore
{
    ValueTask<ConversationContext?> GetAsync(string key, CancellationToken cancellationToken);

    ValueTask SetAsync(string key, ConversationContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets everything remembered for one person on one platform, in every conversation ("forget me"). Keys are
    /// <c>platform:conversation:user</c> (see <see cref="ConversationKeys"/>). Returns how many entries were removed.
    /// </summary>
    ValueTask<int> ForgetUserAsync(string platform, string userId, CancellationToken cancellationToken);
}
