using SkinBot.Core.Chat;

namespace SkinBot.Core.Turns;

/// <summary>One turn as it passes through the middleware: the request with its command already parsed, and how to run it.</summary>
public sealed class TurnContext
{
    internal TurnContext(ChatRequest request, TurnOptions options)
    {
        Request = request;
        Options = options;
    }

    /// <summary>The request as the engine will see it: typed commands parsed, <c>/ask</c> unwrapped into its question.</summary>
    public ChatRequest Request { get; }

    public TurnOptions Options { get; }

    public string Platform => Request.Platform;

    public string CorrelationId => Request.CorrelationId;
}
