using SkinBot.Testing;
using Xunit.Abstractions;

namespace SkinBot.Core.Tests.Intents;

/// <summary>
/// A signal of several words whose other words are stop or ignore words counts wherever its one remaining word is said:
/// "is it that bad" made every "is it bad?" a question about pain. The ones in intents.yml now are listed here, so a new
/// one fails until someone has read it and decided it is meant.
/// </summary>
public sealed class CollapsedSignalTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_new_signal_collapses_to_a_single_word()
    {
        using var lease = (await KnowledgeBases.SharedRepositoryCorpusAsync()).Acquire();
        var collapsed = lease.Knowledge.Signals.Collapsed;
        foreach (var signal in collapsed)
        {
            output.WriteLine($"{signal.Intent}: \"{signal.Signal}\" -> {signal.Term}");
        }

        var unexpected = collapsed.Where(s => !Known.Contains(s.Signal)).Select(s => $"{s.Intent}: {s.Signal} -> {s.Term}").ToList();
        Assert.True(unexpected.Count == 0, "signals that analyse to one word: " + string.Join("; ", unexpected));
    }

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "a fix for", "a problem if^2", "at home", "band aid", "bring to",
        "by a doctor", "by a nurse", "by itself", "capital of", "care for it", "depend on",
        "depending on", "depends on", "down time^2", "fill in", "fix for", "for good",
        "for life", "free on", "help with", "improve by", "in office", "is it painful^2",
        "is it safe^2", "is there a fix^2", "is this the bot^2", "its flat", "linked to", "made of",
        "micro dermabrasion^3", "name for", "no change", "not allowed", "not get", "not scar",
        "on a budget", "on accutane^2", "on tane^2", "on the day^2", "on their own", "one session",
        "or a salon^2", "pay for", "picked it", "popped it", "prep for", "prone to",
        "related to", "salon or^2", "side effect^2", "side effects^2", "soften with^2", "stick to one^2",
        "stuck with", "term for", "they are flat", "turn into", "which one", "will they offer",
    };
}
