using SkinBot.Core.Answers;

namespace SkinBot.Core.Chat;

/// <summary>
/// The engine's one call. Doors do not call it themselves: they run a turn (<see cref="Turns.ITurnRunner"/>), which reads
/// typed commands, applies the limits and calls this off the request thread. A request arrives with any typed command
/// already parsed and <c>/ask</c> already unwrapped into <see cref="ChatRequest.Text"/>. Implementations never throw for
/// bad user input: they answer it (out of scope, low confidence) instead.
/// </summary>
public interface IChatEngine
{
    ValueTask<Answer> AnswerAsync(ChatRequest request, CancellationToken cancellationToken);
}
