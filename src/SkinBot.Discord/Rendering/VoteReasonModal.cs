using SkinBot.Core.Feedback;
using SkinBot.Discord.Interactions;

namespace SkinBot.Discord.Rendering;

/// <summary>
/// The form a 👎 press opens (interaction callback 9, MODAL): a reason picked from the fixed list and, optionally, the
/// person's own words. Each sits in a Label (component 18), which is what lets a modal hold a string select (3) beside
/// a text input (4). The modal's <c>custom_id</c> carries the answer ("fbr:0123…"), so the submit needs no state.
/// </summary>
internal static class VoteReasonModal
{
    /// <summary>Longest comment the form accepts: a short reason, not a second question.</summary>
    public const int MaxCommentLength = 300;

    public const string ReasonFieldId = "reason";
    public const string CommentFieldId = "comment";

    private const string Prefix = "fbr:";
    private const string Title = "What was wrong with the answer?";

    /// <summary>Labels, ids and rows nest at most two deep; the bound keeps a hostile payload from recursing far.</summary>
    private const int MaxDepth = 4;

    public static ModalData For(AnswerId answer) => new(
        Prefix + answer.Value,
        Title,
        [
            new ModalLabel("Reason", new ModalStringSelect(
                ReasonFieldId,
                "Pick one (optional)",
                [.. VoteReasonNames.Choices.Select(reason => new SelectOption(reason.ToLabel(), reason.ToName()))])),
            new ModalLabel("Anything else? (optional)", new ModalTextInput(CommentFieldId, MaxCommentLength, "Please leave out names and personal details"))
            {
                Description = "A few words help whoever keeps SkinBot's articles.",
            },
        ]);

    /// <summary>Reads a submitted reason form. Everything in it came from the client: an unknown reason is no reason, long text is cut.</summary>
    public static VoteReasonSubmission? TryRead(InteractionData? data)
    {
        if (data?.CustomId is not { } customId || customId.Length > DiscordLimits.CustomId || !customId.StartsWith(Prefix, StringComparison.Ordinal)
            || !AnswerId.TryParse(customId[Prefix.Length..], out var answer))
        {
            return null;
        }

        var fields = new Dictionary<string, SubmittedComponent>(StringComparer.Ordinal);
        Collect(data.Components, fields, depth: 0);
        var reason = fields.TryGetValue(ReasonFieldId, out var select) && select.Values is [var picked, ..]
            ? VoteReasonNames.Parse(picked)
            : VoteReason.None;
        var comment = fields.TryGetValue(CommentFieldId, out var input) ? input.Value?.Trim() : null;
        if (string.IsNullOrEmpty(comment))
        {
            comment = null;
        }
        else if (comment.Length > MaxCommentLength)
        {
            comment = comment[..MaxCommentLength];
        }

        return new VoteReasonSubmission(answer.Value, reason, comment);
    }

    /// <summary>Fields come back nested as they were sent (a label holding its input; older clients an action row holding it).</summary>
    private static void Collect(IReadOnlyList<SubmittedComponent>? components, Dictionary<string, SubmittedComponent> fields, int depth)
    {
        if (components is null || depth > MaxDepth)
        {
            return;
        }

        foreach (var component in components)
        {
            if (component.CustomId is { } id)
            {
                fields.TryAdd(id, component);
            }

            Collect(component.Components, fields, depth + 1);
            if (component.Component is { } inner)
            {
                Collect([inner], fields, depth + 1);
            }
        }
    }
}

/// <summary>A submitted reason form: the 👎 it stands for, with the reason and the comment if given.</summary>
internal sealed record VoteReasonSubmission(AnswerId Answer, VoteReason Reason, string? Comment);

/// <summary>The data of a MODAL response.</summary>
internal sealed record ModalData(string CustomId, string Title, IReadOnlyList<ModalLabel> Components);

/// <summary>Component type 18: a label and optional description around one input.</summary>
internal sealed record ModalLabel(string Label, object Component)
{
    public int Type => 18;

    public string? Description { get; init; }
}

/// <summary>Component type 3 in a modal: pick at most one; optional, so the form can be sent with only a comment or nothing.</summary>
internal sealed record ModalStringSelect(string CustomId, string Placeholder, IReadOnlyList<SelectOption> Options)
{
    public int Type => 3;

    public int MinValues => 0;

    public int MaxValues => 1;

    public bool Required => false;
}

internal sealed record SelectOption(string Label, string Value);

/// <summary>Component type 4, paragraph style (2), optional.</summary>
internal sealed record ModalTextInput(string CustomId, int MaxLength, string Placeholder)
{
    public int Type => 4;

    public int Style => 2;

    public bool Required => false;
}
