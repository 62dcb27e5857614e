using SkinBot.Teams.Auth;

namespace SkinBot.Teams.Connector;

/// <summary>
/// Builds the connector addresses SkinBot posts to. Every id becomes exactly one escaped path segment, so a reply
/// always lands on {serviceUrl}/v3/conversations/{conversationId}/activities[/{activityId}] and nowhere else.
/// </summary>
internal static class ReplyAddress
{
    /// <summary>
    /// An id that can be a path segment. "." and ".." cannot: URL parsers (System.Uri included, even when they are
    /// percent-encoded) remove them with the segment before, which would move the reply to another address.
    /// </summary>
    public static bool IsUsableId(string? id) => !string.IsNullOrEmpty(id) && id is not "." and not "..";

    /// <summary>{serviceUrl}/v3/conversations/{conversationId}/activities, or /activities/{activityId} for a reply in a thread.</summary>
    public static Uri Activities(TrustedServiceUrl serviceUrl, string conversationId, string? activityId)
    {
        var url = serviceUrl.BaseUrl + "/v3/conversations/" + Segment(conversationId) + "/activities";
        return new Uri(activityId is null ? url : url + "/" + Segment(activityId), UriKind.Absolute);
    }

    private static string Segment(string id) =>
        IsUsableId(id) ? Uri.EscapeDataString(id) : throw new ArgumentException("An id must be a non-empty path segment other than '.' or '..'.", nameof(id));
}
