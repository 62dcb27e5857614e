namespace SkinBot.Core.Scope;

/// <summary>topics.yml as written. Property names map to snake_case keys.</summary>
public sealed class ScopeFile
{
    public List<string> PittedWords { get; set; } = [];

    public List<string> ScarringWords { get; set; } = [];

    /// <summary>
    /// Words that ask how to stop scars forming ("prevent", "so they don't scar"): beside them a negated scarring word
    /// ("no scars yet, how do i keep it that way") still makes the message about scarring.
    /// </summary>
    public List<string> PreventionWords { get; set; } = [];

    /// <summary>
    /// Words that ask whether a scar procedure suits someone with another condition ("shouldn't get", "a problem if",
    /// "rule me out"); see <see cref="ScopeVerdict.AsksCandidacy"/>.
    /// </summary>
    public List<string> CandidacyWords { get; set; } = [];

    /// <summary>Words that cancel a pitted or scarring word just after them ("not indented", "no scars yet").</summary>
    public List<string> Negations { get; set; } = [];

    /// <summary>The reply for a known subject; <c>{about}</c> is replaced by the topic's <c>about</c>.</summary>
    public string Reply { get; set; } = string.Empty;

    public List<ScopeTopicEntry> Topics { get; set; } = [];
}

/// <summary>One entry of topics.yml.</summary>
public sealed class ScopeTopicEntry
{
    public string Id { get; set; } = string.Empty;

    public string About { get; set; } = string.Empty;

    public string? NextStep { get; set; }

    public string YieldsTo { get; set; } = "pitted";

    public List<string> Phrases { get; set; } = [];

    public List<string> Unless { get; set; } = [];

    public List<string> With { get; set; } = [];
}
