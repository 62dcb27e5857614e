using SkinBot.Core.Chat;

namespace SkinBot.Core.Turns;

/// <summary>Reads a request's typed command once, for every door, before anything else looks at it.</summary>
internal static class TurnRequests
{
    private static readonly ChatCommand Help = ChatCommand.Of(CommandNames.Help);

    /// <summary>
    /// The request as the pipeline and the engine see it: a structured command the platform gave is kept; otherwise a
    /// blank message (a bare mention) asks for help, and text that reads as a typed command (<c>/scar boxcar</c>,
    /// <c>prevent</c>) becomes that command. <c>/ask</c> is only a way of typing a question, so it becomes its question.
    /// </summary>
    public static ChatRequest Resolve(ChatRequest request)
    {
        var command = request.Command
            ?? (string.IsNullOrWhiteSpace(request.Text) ? Help : TypedCommandParser.TryParse(request.Text));
        if (command?.Name == CommandNames.Ask)
        {
            return request with { Text = command.Option(CommandNames.QuestionOption) ?? request.Text, Command = null };
        }

        return ReferenceEquals(command, request.Command) ? request : request with { Command = command };
    }
}
