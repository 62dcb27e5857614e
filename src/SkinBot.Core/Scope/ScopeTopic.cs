using SkinBot.Core.Text;

namespace SkinBot.Core.Scope;

/// <summary>One subject SkinBot's articles do not cover (an entry of topics.yml), ready to match.</summary>
/// <param name="With">
/// When not empty, one of these must also be in the message: a subject that is out of scope only for some causes (a
/// keloid from a piercing, not one from acne) names the causes here.
/// </param>
public sealed record ScopeTopic(string Id, string About, string? NextStep, TopicYield YieldsTo, PhraseSet Phrases, PhraseSet Unless, PhraseSet With);

/// <summary>When a message that mentions an out-of-scope subject is about pockmarks after all.</summary>
public enum TopicYield
{
    /// <summary>When it also names pits, dents, holes or a scar type ("eczema and pitted acne scars").</summary>
    Pitted,

    /// <summary>When it says scar or marks at all ("how do I stop my acne scarring" is prevention).</summary>
    Scarring,

    /// <summary>Never: the subject decides even beside pockmark words ("is tretinoin safe in pregnancy for my pits?").</summary>
    Never,
}
