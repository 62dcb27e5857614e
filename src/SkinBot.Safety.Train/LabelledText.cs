namespace SkinBot.Safety.Train;

/// <summary>One text the model learns from: whether it is a crisis, how much it counts, and where it came from.</summary>
/// <param name="Part">The blind probe part it was gated with ("35 a"), or null for everything else.</param>
/// <param name="IsClause">A clause cut from a labelled message, rather than the message itself or an example.</param>
public sealed record LabelledText(string Text, bool Crisis, float Weight, string? Part = null, bool IsClause = false)
{
    /// <summary>The round of <see cref="Part"/> ("35 a" is 35), or null.</summary>
    public int? Round => Part is null ? null : int.Parse(Part.AsSpan(0, Part.IndexOf(' ')), System.Globalization.CultureInfo.InvariantCulture);
}
