using SkinBot.Teams.Connector;

namespace SkinBot.Teams.Activities;

/// <summary>
/// What one turn posts once the engine has answered. The answer workers produce it and move on; its delivery runs
/// on its own, limited per connector address, so a slow connector never holds a worker.
/// </summary>
/// <param name="Activity">The message to post.</param>
/// <param name="Kind">reply, welcome or apology (see <see cref="SendKinds"/>).</param>
/// <param name="InThread">True to reply to the activity (…/activities/{id}); false to post to the conversation.</param>
/// <param name="Typing">The typing indicator sent while the engine was slow, if any; the reply goes after it.</param>
/// <param name="Summary">What to log once it is delivered.</param>
internal sealed record TurnReply(OutgoingActivity Activity, string Kind, bool InThread, Task Typing, ReplySummary Summary);

/// <summary>What the turn showed, for the line logged once the reply is delivered.</summary>
internal sealed record ReplySummary(string? CorrelationId, string? Intent, int PassageCount);
