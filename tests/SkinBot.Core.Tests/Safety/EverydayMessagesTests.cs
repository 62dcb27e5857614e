using SkinBot.Testing;
using Xunit.Abstractions;

namespace SkinBot.Core.Tests.Safety;

/// <summary>
/// Everyday messages that only sound like danger ("dead tired", "logging off for the night", a goodbye card for a
/// teacher) must rarely get a go-to-care reply. tests/eval/everyday-holdout.tsv was written by a separate session that
/// had not seen the screen, and is kept out of corpus/safety-examples.yml, so it measures what the screen does with
/// idioms nobody tuned it for. Recall comes first, so a few false alarms are tolerated, not many.
/// </summary>
public sealed class EverydayMessagesTests(ITestOutputHelper output)
{
    /// <summary>Measured 8 of 250 on 2026-12-04; lowered as the screen improves, never raised to let a change pass.</summary>
    private const int MaxFalseAlarmsPerHundred = 4;

    [Fact]
    public async Task Everyday_messages_that_sound_like_danger_rarely_get_an_urgent_reply()
    {
        var messages = (await File.ReadAllLinesAsync(RepositoryRoot.Eval("everyday-holdout.tsv")))
            .Where(line => line.StartsWith("none\t", StringComparison.Ordinal))
            .Select(line => line["none\t".Length..])
            .ToList();
        var holder = await KnowledgeBases.SharedRepositoryCorpusAsync();
        using var lease = holder.Acquire();

        var alarms = messages
            .Select(m => (Message: m, Verdict: lease.Knowledge.ScreenSafety(m)))
            .Where(r => r.Verdict is not null)
            .ToList();
        foreach (var (message, verdict) in alarms)
        {
            output.WriteLine($"{verdict!.Urgency} ({verdict.Sign.Name}): {message}");
        }

        Assert.True(messages.Count >= 250, $"the set should hold 250 messages, has {messages.Count}");
        Assert.True(alarms.Count * 100 <= messages.Count * MaxFalseAlarmsPerHundred, $"{alarms.Count} of {messages.Count} everyday messages got an urgent reply (listed above)");
    }
}
