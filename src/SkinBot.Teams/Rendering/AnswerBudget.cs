using SkinBot.Core.Answers;
using SkinBot.Core.Text;

namespace SkinBot.Teams.Rendering;

/// <summary>
/// Shrinks an answer until its rendered payload fits a byte budget: passages go from the end first, then the
/// last one is cut at a word, then the follow-ups. Headline, SkinBot's message and the caveat are never cut.
/// </summary>
internal static class AnswerBudget
{
    /// <summary>Teams rejects posts over ~28 KB; the connector adds its own envelope, hence the margin.</summary>
    public const int TeamsMaxBytes = 27 * 1024;

    public static Answer Fit(Answer answer, Func<Answer, int> measure, int maxBytes = TeamsMaxBytes)
    {
        var current = answer;
        for (var guard = 0; guard < 256; guard++)
        {
            var size = measure(current);
            if (size <= maxBytes)
            {
                return current;
            }

            var overflow = size - maxBytes;
            if (current.Passages.Count > 1)
            {
                current = current with { Passages = [.. current.Passages.Take(current.Passages.Count - 1)] };
            }
            else if (current.Passages.Count == 1 && current.Passages[0].Text.Length > 80)
            {
                var passage = current.Passages[0];
                // UTF-8 bytes >= chars, so cutting the overflow in chars (plus JSON escaping slack) always shrinks.
                var keep = Math.Max(40, passage.Text.Length - overflow - 32);
                current = current with { Passages = [passage with { Text = TrimAtWord(passage.Text, keep) }] };
            }
            else if (current.FollowUps.Count > 0)
            {
                current = current with { FollowUps = [] };
            }
            else if (current.Passages.Count == 1)
            {
                current = current with { Passages = [] };
            }
            else
            {
                // Only the headline, message and caveat are left: cut the message, never the caveat.
                var message = current.MessageText;
                var keep = Math.Max(0, (message?.Plain.Length ?? 0) - overflow - 32);
                current = current with { MessageText = keep == 0 ? null : message!.TrimAtWord(keep) };
                if (keep == 0)
                {
                    return current;
                }
            }
        }

        return current;
    }

    internal static string TrimAtWord(string text, int keep) => TextCut.TrimAtWord(text, keep);
}
