using SkinBot.Core.Answers;

namespace SkinBot.Core.Chat;

/// <summary>
/// The one call every door ends in. Implementations never throw for bad user input:
/// they answer it (out of scope, low confidence, too long) instead.
/// </summary>
public interface IChatEngine
{
    ValueTask<Answer> AnswerAsync(ChatRequest request, CancellationToken cancellationToken);
}
