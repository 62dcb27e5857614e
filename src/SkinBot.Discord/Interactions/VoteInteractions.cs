using SkinBot.Core.Chat;
using SkinBot.Core.Feedback;
using SkinBot.Discord.Rendering;

namespace SkinBot.Discord.Interactions;

/// <summary>
/// 👍 / 👎 on an answer. 👍 is counted at once; 👎 opens the reason form, and the vote is counted when the form is
/// sent (closing it counts nothing). Either way the voter alone sees the acknowledgement and the answer stays as it was.
/// </summary>
internal static class VoteInteractions
{
    public static Task PressAsync(Interaction interaction, (AnswerId Answer, Vote Vote) pressed, IFeedbackVotes? votes, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        if (votes is not null && pressed.Vote == Vote.Down)
        {
            // A modal must be the first response, so nothing slow may come before it.
            return responder.RespondAsync(InteractionResponse.Modal(VoteReasonModal.For(pressed.Answer)), cancellationToken);
        }

        return RecordAsync(interaction, pressed.Answer, pressed.Vote, VoteReason.None, comment: null, votes, responder, cancellationToken);
    }

    public static Task SubmitReasonAsync(Interaction interaction, VoteReasonSubmission submitted, IFeedbackVotes? votes, IInteractionResponder responder, CancellationToken cancellationToken) =>
        RecordAsync(interaction, submitted.Answer, Vote.Down, submitted.Reason, submitted.Comment, votes, responder, cancellationToken);

    private static async Task RecordAsync(Interaction interaction, AnswerId answer, Vote vote, VoteReason reason, string? comment, IFeedbackVotes? votes, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        var said = InteractionHandler.VoteOffText;
        if (votes is not null)
        {
            // The service answers within its own short lookup budget, well inside the 3 s Discord allows.
            var receipt = await votes.VoteAsync(new VoteBallot(Platforms.Discord, Voter(interaction), answer, vote) { Reason = reason, ReasonText = comment }, cancellationToken);
            said = receipt.Message;
        }

        await responder.RespondAsync(InteractionResponse.Message(OutgoingMessage.Text(said, ephemeral: true)), cancellationToken);
    }

    private static string Voter(Interaction interaction) => interaction.Invoker?.Id.ToString() ?? "unknown";
}
