using System.Text;
using SkinBot.Core.Corpus;
using SkinBot.Core.Text;

namespace SkinBot.Core.Answers;

/// <summary>
/// Lays an <see cref="Answer"/> out as plain text with light Markdown (quotes as "&gt; "), the form used by
/// the CLI, Discord message content and the Teams text fallback. The caveat is never cut: when the text
/// would exceed the limit, passages are dropped from the end first, then the last one is trimmed.
/// </summary>
public static class AnswerTextRenderer
{
    /// <summary>Discord's message content limit, the tightest of the platforms.</summary>
    public const int DefaultMaxLength = 2000;

    /// <param name="answer">The answer to lay out.</param>
    /// <param name="maxLength">The longest text returned; the caveat is kept whole.</param>
    /// <param name="escapeUserText">
    /// How text the person typed is written (see <see cref="AnswerText"/>): a platform whose client reads this text
    /// as markup passes its escaper; plain-text outputs leave it as it is.
    /// </param>
    public static string Render(Answer answer, int maxLength = DefaultMaxLength, Func<string, string>? escapeUserText = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var escape = escapeUserText ?? (text => text);
        var passages = answer.Passages.ToList();
        while (true)
        {
            var text = Compose(answer, passages, trimLastTo: null, escape);
            if (text.Length <= maxLength)
            {
                return text;
            }

            if (passages.Count > 1)
            {
                passages.RemoveAt(passages.Count - 1);
                continue;
            }

            return FitSingle(answer, passages, maxLength, escape);
        }
    }

    private static string FitSingle(Answer answer, List<AnswerPassage> passages, int maxLength, Func<string, string> escape)
    {
        if (passages.Count == 1)
        {
            var overflow = Compose(answer, passages, null, escape).Length - maxLength;
            var keep = Math.Max(0, passages[0].Text.Length - overflow - 1);
            var text = Compose(answer, passages, keep, escape);
            if (text.Length <= maxLength)
            {
                return text;
            }
        }

        var bare = Compose(answer with { FollowUps = [] }, [], null, escape);
        if (bare.Length <= maxLength)
        {
            return bare;
        }

        // Only SkinBot's own message can still be too long: shorten it rather than cut the caveat off the end.
        if (answer.MessageText is { } message && message.Plain.Length - (bare.Length - maxLength) - 1 is > 0 and var keepMessage)
        {
            var shortened = Compose(answer with { FollowUps = [], MessageText = message.TrimAtWord(keepMessage) }, [], null, escape);
            if (shortened.Length <= maxLength)
            {
                return shortened;
            }
        }

        return TextCut.Truncate(bare, maxLength);
    }

    private static string Compose(Answer answer, IReadOnlyList<AnswerPassage> passages, int? trimLastTo, Func<string, string> escape)
    {
        var text = new StringBuilder();
        text.Append("**").Append(UrgencyMarkers.Headline(answer)).Append("**\n");
        if (!string.IsNullOrWhiteSpace(answer.Message))
        {
            text.Append(answer.MessageText!.Render(escape)).Append('\n');
        }

        for (var i = 0; i < passages.Count; i++)
        {
            var passage = passages[i];
            var body = passage.Text;
            if (i == passages.Count - 1 && trimLastTo is { } keep && keep < body.Length)
            {
                body = TrimAtWord(body, keep);
            }

            text.Append('\n');
            foreach (var line in body.Split('\n'))
            {
                text.Append("> ").Append(line).Append('\n');
            }

            text.Append("— ").Append(Citation(passage)).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(answer.Caveat))
        {
            text.Append("\n⚕️ ").Append(answer.Caveat).Append('\n');
        }

        if (answer.FollowUps.Count > 0)
        {
            text.Append("\nYou could also ask: ");
            text.AppendJoin(" · ", answer.FollowUps.Select(f => f.Question));
            text.Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// "Article title (Publisher), quoting Expert · Section › Lead term" for a quoted article, "Source title
    /// (Publisher), summarised in SkinBot's words; also Other (Publisher) · Section" for a summary: short enough to
    /// repeat per passage, and honest about which of the two the reader is looking at.
    /// </summary>
    public static string Citation(AnswerPassage passage)
    {
        var source = passage.Source;
        var citation = new StringBuilder();
        AppendTitle(citation, source);
        if (source.Kind == TextKind.Summary)
        {
            citation.Append(", summarised in SkinBot's words");
            if (!string.IsNullOrWhiteSpace(source.ReviewedBy))
            {
                citation.Append(" (reviewed by ").Append(source.ReviewedBy).Append(')');
            }

            foreach (var other in source.AlsoCited)
            {
                citation.Append("; also ");
                AppendTitle(citation, other);
            }
        }
        else if (!string.IsNullOrWhiteSpace(source.Expert))
        {
            citation.Append(", quoting ").Append(source.Expert);
        }

        if (passage.SectionPath.Count > 0)
        {
            citation.Append(" · ").AppendJoin(" › ", passage.SectionPath.TakeLast(2));
        }

        return citation.ToString();
    }

    private static void AppendTitle(StringBuilder citation, SourceInfo source)
    {
        citation.Append(source.Title);
        if (!string.IsNullOrWhiteSpace(source.Publisher))
        {
            citation.Append(" (").Append(source.Publisher).Append(')');
        }
    }

    private static string TrimAtWord(string text, int keep) => TextCut.TrimAtWord(text, keep);
}
