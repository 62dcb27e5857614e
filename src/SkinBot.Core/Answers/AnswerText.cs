using System.Text;
using SkinBot.Core.Text;

namespace SkinBot.Core.Answers;

/// <summary>One piece of an answer's own words: SkinBot's text, or text the person typed that the answer quotes back.</summary>
/// <param name="Text">The text as it is to be read; never markup.</param>
/// <param name="IsUserText">True for text the person supplied: renderers escape it for their platform's markup.</param>
public sealed record TextRun(string Text, bool IsUserText);

/// <summary>
/// SkinBot's words in an answer, with any text the person typed kept apart as its own runs. A name SkinBot does not
/// know is echoed back ("I don't know a scar type called "…""), and in Discord or Teams markup that echo could
/// otherwise become a link, a mention or formatting: renderers lay out SkinBot's runs as they are and escape the
/// user's runs for their platform (<see cref="Render"/>).
/// </summary>
public sealed class AnswerText : IEquatable<AnswerText>
{
    private readonly TextRun[] _runs;

    private AnswerText(TextRun[] runs)
    {
        _runs = runs;
        Plain = string.Concat(runs.Select(r => r.Text));
    }

    public IReadOnlyList<TextRun> Runs => _runs;

    /// <summary>The words as plain text, user text unescaped: for plain-text outputs (JSON, CLI) only.</summary>
    public string Plain { get; }

    public bool HasUserText => _runs.Any(r => r.IsUserText);

    public static AnswerText Own(string text) => new(text.Length == 0 ? [] : [new TextRun(text, false)]);

    /// <summary>
    /// Text the person typed, made fit to quote inline: one line (control characters become spaces), no direction
    /// overrides that could make the rest of the answer read backwards, at most <paramref name="maxLength"/> long.
    /// </summary>
    public static AnswerText Quote(string userText, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(userText);
        var flat = new StringBuilder(Math.Min(userText.Length, maxLength * 2));
        foreach (var c in userText)
        {
            if (IsDirectionControl(c))
            {
                continue;
            }

            var space = char.IsControl(c) || char.IsWhiteSpace(c);
            if (!space || (flat.Length > 0 && flat[^1] != ' '))
            {
                flat.Append(space ? ' ' : c);
            }

            if (flat.Length > maxLength * 2)
            {
                break;
            }
        }

        var text = TextCut.Truncate(flat.ToString().Trim(), maxLength);
        return new(text.Length == 0 ? [] : [new TextRun(text, true)]);
    }

    public static AnswerText operator +(AnswerText left, AnswerText right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var joined = new List<TextRun>(left._runs);
        foreach (var run in right._runs)
        {
            if (joined.Count > 0 && joined[^1].IsUserText == run.IsUserText)
            {
                joined[^1] = run with { Text = joined[^1].Text + run.Text };
            }
            else
            {
                joined.Add(run);
            }
        }

        return new([.. joined]);
    }

    /// <summary>SkinBot's runs as they are, each user run through <paramref name="escapeUserText"/>.</summary>
    public string Render(Func<string, string> escapeUserText)
    {
        ArgumentNullException.ThrowIfNull(escapeUserText);
        var text = new StringBuilder();
        foreach (var run in _runs)
        {
            text.Append(run.IsUserText ? escapeUserText(run.Text) : run.Text);
        }

        return text.ToString();
    }

    /// <summary>About <paramref name="keep"/> characters ending at a word (see <see cref="TextCut.TrimAtWord"/>), user runs still marked.</summary>
    public AnswerText TrimAtWord(int keep)
    {
        var trimmed = TextCut.TrimAtWord(Plain, keep);
        if (trimmed.Length == Plain.Length && trimmed == Plain)
        {
            return this;
        }

        return Prefix(trimmed.Length - TextCut.Ellipsis.Length) + Own(TextCut.Ellipsis);
    }

    public bool Equals(AnswerText? other) => other is not null && _runs.SequenceEqual(other._runs);

    public override bool Equals(object? obj) => Equals(obj as AnswerText);

    public override int GetHashCode() => Plain.GetHashCode(StringComparison.Ordinal);

    private AnswerText Prefix(int length)
    {
        var kept = new List<TextRun>();
        var left = length;
        foreach (var run in _runs)
        {
            if (left <= 0)
            {
                break;
            }

            kept.Add(run.Text.Length <= left ? run : run with { Text = run.Text[..left] });
            left -= run.Text.Length;
        }

        return new([.. kept]);
    }

    /// <summary>Bidirectional embeddings, overrides, isolates and marks.</summary>
    private static bool IsDirectionControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
