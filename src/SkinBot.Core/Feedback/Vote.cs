namespace SkinBot.Core.Feedback;

/// <summary>What a person said about an answer: it helped, or it did not.</summary>
public enum Vote
{
    Up,
    Down,
}

/// <summary>The stable wire and storage names of <see cref="Vote"/> ("up", "down"): button data, columns, metric labels.</summary>
public static class VoteNames
{
    public const string Up = "up";
    public const string Down = "down";

    public static string ToName(this Vote vote) => vote == Vote.Up ? Up : Down;

    public static bool TryParse(string? text, out Vote vote)
    {
        vote = Vote.Up;
        switch (text?.Trim().ToLowerInvariant())
        {
            case Up:
                return true;
            case Down:
                vote = Vote.Down;
                return true;
            default:
                return false;
        }
    }
}
