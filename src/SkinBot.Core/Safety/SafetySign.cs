using SkinBot.Core.Text;

namespace SkinBot.Core.Safety;

/// <summary>
/// One named sign of a tier. It shows when one of its phrases occurs, or when every <see cref="Near"/> group has a
/// phrase within <see cref="Within"/> words of the first group's; an <see cref="Unless"/> phrase within the same
/// reach (at most <see cref="MaxUnlessReach"/> words) cancels that occurrence, and so does a negation just before it when the sign is negatable ("no fever").
/// Sentences are ignored on purpose: chat messages often have none, and "I had filler yesterday. Now my lip is
/// white" must still match. An <see cref="Alone"/> sign reads only messages written in emoji alone.
/// </summary>
public sealed class SafetySign(string name, string covers, IReadOnlyList<string> phrases, IReadOnlyList<IReadOnlyList<string>> near, int within, IReadOnlyList<string> unless, bool? negatable = null, bool alone = false, IReadOnlyList<string>? yieldsTo = null, int? maxWords = null)
{
    /// <summary>How many words before a sign a negation cancels it ("I don't have a fever").</summary>
    private const int NegationReach = 3;

    /// <summary>
    /// The furthest an unless phrase reaches, whatever the sign's own reach: a "lol" or a "pus" thirty words away
    /// says nothing about the sign. Which tier takes a message that shows two is written as yields_to instead.
    /// </summary>
    private const int MaxUnlessReach = 15;

    /// <summary>
    /// How many words before an unless phrase a negation turns it round: "it never closed up" is no "closed up", and
    /// "blisters but no pus" no "pus".
    /// </summary>
    private const int UnlessNegationReach = 2;

    /// <summary>Words a negation reaches across without counting them: "not really", "no redness or heat".</summary>
    private static readonly HashSet<string> NegationFillers = new(StringComparer.Ordinal) { "or", "nor", "really", "very", "too", "that", "so", "even", "at", "all", "particularly", "especially" };

    /// <summary>
    /// Words that turn a negation into "more than": "more swollen, not less, and oozing pus" and "not just red, it's
    /// oozing" say the sign is there.
    /// </summary>
    private static readonly HashSet<string> NotNegating = new(StringComparer.Ordinal) { "just", "only", "less", "merely", "simply" };

    private static readonly IReadOnlySet<string> NoNegations = new HashSet<string>();

    /// <summary>The longest quote of the matched words kept for --explain.</summary>
    private const int MaxQuotedWords = 24;

    public string Name { get; } = name;

    public string Covers { get; } = covers;

    /// <summary>Phrases as written in safety.yml; any one shows the sign.</summary>
    public IReadOnlyList<string> Phrases { get; } = phrases;

    public IReadOnlyList<IReadOnlyList<string>> Near { get; } = near;

    public int Within { get; } = within;

    public IReadOnlyList<string> Unless { get; } = unless;

    /// <summary>
    /// Less urgent tiers, or signs of them, that take the message when they show too (safety.yml <c>yields_to</c>),
    /// as written; the catalog checks and resolves them.
    /// </summary>
    public IReadOnlyList<string> YieldsTo { get; } = yieldsTo ?? [];

    /// <summary>Whether negations cancel this sign; null follows the tier.</summary>
    public bool? Negatable { get; } = negatable;

    /// <summary>
    /// Whether the sign shows only on a message written in nothing but emoji, every one of which spells one of its
    /// phrases ("🪦", "🔪🩸"): with no words around them they can mean nothing else, while the same word written in a
    /// sentence ("a knife-edge scar") means nothing at all.
    /// </summary>
    public bool Alone { get; } = alone;

    /// <summary>
    /// The longest message, in words, the sign reads, or null for any length: "for real" or "seriously" alone answer
    /// what came before, while "for real tho does tca cross hurt" uses them to ask something new.
    /// </summary>
    public int? MaxWords { get; } = maxWords;

    /// <summary>Every phrase the sign reads, for the catalog's single matching pass; none for an emoji-alone sign.</summary>
    internal IEnumerable<string> AllPhrases => Alone ? [] : Phrases.Concat(Near.SelectMany(g => g)).Concat(Unless);

    /// <summary>The phrases without which the sign cannot show: its own phrases and its first near group's.</summary>
    internal IEnumerable<string> TriggerPhrases => Alone ? [] : Near.Count == 0 ? Phrases : Phrases.Concat(Near[0]);

    /// <summary>The words of an emoji-only message when every one of them is a phrase of this sign, or null.</summary>
    internal string? MatchAlone(IReadOnlyList<string> spelledWords) =>
        Alone && spelledWords.Count > 0 && spelledWords.All(word => Phrases.Contains(word, StringComparer.Ordinal))
            ? string.Join(' ', spelledWords.Take(MaxQuotedWords))
            : null;

    /// <summary>
    /// The first of <paramref name="signs"/>, in their order, that the matches show, as a verdict of <paramref
    /// name="tier"/>, or null. None of them is negatable: the readings after a crisis reply or a near miss are crisis signs.
    /// </summary>
    internal static SafetyVerdict? FirstShown(IReadOnlyList<SafetySign> signs, SafetyMatches matches, SafetyTier tier, IReadOnlySet<string> unlessNegations)
    {
        if (matches.IsEmpty)
        {
            return null;
        }

        foreach (var sign in signs)
        {
            if (sign.Match(matches, NoNegations, unlessNegations) is { } words)
            {
                return new SafetyVerdict(tier, sign, words);
            }
        }

        return null;
    }

    /// <summary>The words that show this sign, or null when it does not show.</summary>
    /// <param name="negations">Words that cancel a match just after them; empty when the sign is not negatable.</param>
    /// <param name="unlessNegations">
    /// Words that stop an unless phrase just after them from cancelling the sign; null reads no unless phrase at all,
    /// to find what a look-alike cancelled (<see cref="SignReading.CancelledCrisisSign"/>).
    /// </param>
    internal string? Match(SafetyMatches matches, IReadOnlySet<string> negations, IReadOnlySet<string>? unlessNegations)
    {
        var words = matches.Words;
        if (words.Count > MaxWords)
        {
            return null;
        }

        foreach (var phrase in Phrases)
        {
            foreach (var found in matches.Of(phrase))
            {
                if (!Negated(words, found, negations) && !Cancelled(matches, found.Start, found.Start + found.Length, unlessNegations))
                {
                    return Quote(words, found.Start, found.Start + found.Length);
                }
            }
        }

        return Near.Count == 0 ? null : MatchNear(matches, negations, unlessNegations);
    }

    private string? MatchNear(SafetyMatches matches, IReadOnlySet<string> negations, IReadOnlySet<string>? unlessNegations)
    {
        var words = matches.Words;
        var groups = new List<PhraseMatch>[Near.Count];
        for (var g = 0; g < Near.Count; g++)
        {
            // Loops rather than LINQ: this runs for every candidate sign of every message.
            List<PhraseMatch>? group = null;
            foreach (var phrase in Near[g])
            {
                foreach (var found in matches.Of(phrase))
                {
                    if (!Negated(words, found, negations))
                    {
                        (group ??= []).Add(found);
                    }
                }
            }

            if (group is null)
            {
                return null;
            }

            groups[g] = group;
        }

        foreach (var anchor in groups[0])
        {
            int first = anchor.Start, last = anchor.Start + anchor.Length;
            var all = true;
            for (var g = 1; g < groups.Length && all; g++)
            {
                var partner = groups[g].FindIndex(m => Math.Abs(m.Start - anchor.Start) <= Within);
                if (partner < 0)
                {
                    all = false;
                    continue;
                }

                first = Math.Min(first, groups[g][partner].Start);
                last = Math.Max(last, groups[g][partner].Start + groups[g][partner].Length);
            }

            if (all && !Cancelled(matches, first, last, unlessNegations))
            {
                return Quote(words, first, last);
            }
        }

        return null;
    }

    /// <summary>
    /// An unless phrase within <see cref="Within"/> words of the occurrence, and no further than <see
    /// cref="MaxUnlessReach"/>, cancels it, unless negated.
    /// </summary>
    private bool Cancelled(SafetyMatches matches, int start, int end, IReadOnlySet<string>? unlessNegations)
    {
        if (unlessNegations is null)
        {
            return false;
        }

        var reach = Math.Min(Within, MaxUnlessReach);
        var from = start - reach;
        var to = end + reach;
        foreach (var phrase in Unless)
        {
            foreach (var found in matches.Of(phrase))
            {
                if (found.Start >= from && found.Start + found.Length <= to && !UnlessNegated(matches.Words, found, unlessNegations, start, end))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a negation just before an unless phrase turns it round ("never closed up"). The sign's own words are not
    /// read for one when the unless phrase comes after the sign: in "wasnt joking thanks" the "wasnt" belongs to the
    /// sign and says nothing about the thanks.
    /// </summary>
    private static bool UnlessNegated(IReadOnlyList<string> words, PhraseMatch unless, IReadOnlySet<string> negations, int signStart, int signEnd)
    {
        for (var i = unless.Start - 1; i >= 0 && i >= unless.Start - UnlessNegationReach; i--)
        {
            if (negations.Contains(words[i]) && (i < signStart || i >= signEnd || unless.Start < signEnd))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Negated(IReadOnlyList<string> words, PhraseMatch match, IReadOnlySet<string> negations)
    {
        if (negations.Count == 0)
        {
            return false;
        }

        // Fillers do not count towards the reach, so "not really red or hot" negates "hot" as "not hot" does; "and"
        // and "but" end it, since "no fever and hot skin" says the skin is hot.
        var counted = 0;
        for (var i = match.Start - 1; i >= 0 && counted < NegationReach; i--)
        {
            if (words[i] is "and" or "but")
            {
                return false;
            }

            if (negations.Contains(words[i]) && !(i + 1 < words.Count && NotNegating.Contains(words[i + 1])))
            {
                return true;
            }

            if (!NegationFillers.Contains(words[i]))
            {
                counted++;
            }
        }

        return false;
    }

    private static string Quote(IReadOnlyList<string> words, int start, int end) =>
        string.Join(' ', words.Skip(start).Take(Math.Min(end - start, MaxQuotedWords)));
}
