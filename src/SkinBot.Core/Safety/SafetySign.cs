using SkinBot.Core.Text;

namespace SkinBot.Core.Safety;

/// <summary>
/// One named sign of a tier, matched against a message's <see cref="SurfaceWords"/>. It shows when one of its
/// phrases occurs, or when every <see cref="Near"/> group has a phrase within <see cref="Within"/> words of the
/// first group's; an <see cref="Unless"/> phrase within the same reach cancels that occurrence, and so does a
/// negation just before it when the tier is negatable ("no fever"). Sentences are ignored on purpose: chat
/// messages often have none, and "I had filler yesterday. Now my lip is white" must still match.
/// </summary>
public sealed class SafetySign(string name, string covers, PhraseSet phrases, IReadOnlyList<PhraseSet> near, int within, PhraseSet unless, bool? negatable = null)
{
    /// <summary>How many words before a sign a negation cancels it ("I don't have a fever").</summary>
    private const int NegationReach = 3;

    public string Name { get; } = name;

    public string Covers { get; } = covers;

    public PhraseSet Phrases { get; } = phrases;

    public IReadOnlyList<PhraseSet> Near { get; } = near;

    public int Within { get; } = within;

    public PhraseSet Unless { get; } = unless;

    /// <summary>Whether negations cancel this sign; null follows the tier.</summary>
    public bool? Negatable { get; } = negatable;

    /// <summary>The words that show this sign, or null when it does not show.</summary>
    /// <param name="words">The message's surface words.</param>
    /// <param name="negations">Words that cancel a match just after them; empty for tiers that are not negatable.</param>
    public string? Match(IReadOnlyList<string> words, IReadOnlySet<string> negations)
    {
        foreach (var found in Phrases.Find(words, all: true))
        {
            if (!Negated(words, found, negations) && !Cancelled(words, found.Start, found.Start + found.Length))
            {
                return Quote(words, found.Start, found.Start + found.Length);
            }
        }

        return Near.Count == 0 ? null : MatchNear(words, negations);
    }

    private string? MatchNear(IReadOnlyList<string> words, IReadOnlySet<string> negations)
    {
        var groups = new List<IReadOnlyList<PhraseMatch>>(Near.Count);
        foreach (var group in Near)
        {
            var found = group.Find(words, all: true).Where(m => !Negated(words, m, negations)).ToList();
            if (found.Count == 0)
            {
                return null;
            }

            groups.Add(found);
        }

        foreach (var anchor in groups[0])
        {
            int first = anchor.Start, last = anchor.Start + anchor.Length;
            var all = true;
            for (var g = 1; g < groups.Count && all; g++)
            {
                var partner = groups[g].Where(m => Math.Abs(m.Start - anchor.Start) <= Within).Cast<PhraseMatch?>().FirstOrDefault();
                if (partner is { } p)
                {
                    first = Math.Min(first, p.Start);
                    last = Math.Max(last, p.Start + p.Length);
                }
                else
                {
                    all = false;
                }
            }

            if (all && !Cancelled(words, first, last))
            {
                return Quote(words, first, last);
            }
        }

        return null;
    }

    private bool Cancelled(IReadOnlyList<string> words, int start, int end)
    {
        if (Unless.Count == 0)
        {
            return false;
        }

        var from = Math.Max(0, start - Within);
        var to = Math.Min(words.Count, end + Within);
        return Unless.Any([.. words.Skip(from).Take(to - from)]);
    }

    private static bool Negated(IReadOnlyList<string> words, PhraseMatch match, IReadOnlySet<string> negations)
    {
        if (negations.Count == 0)
        {
            return false;
        }

        for (var i = Math.Max(0, match.Start - NegationReach); i < match.Start; i++)
        {
            if (negations.Contains(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Quote(IReadOnlyList<string> words, int start, int end) =>
        string.Join(' ', words.Skip(start).Take(Math.Min(end - start, 24)));
}
