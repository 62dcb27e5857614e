using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// Two hosts in one process (as in this test run, where many run side by side) each export their own counts:
/// OpenTelemetry listens to meters by name process-wide, and a scrape that summed every host's answers made exact
/// counts in other tests wrong whenever another host answered at the same moment.
/// </summary>
public sealed partial class MetricsIsolationTests
{
    [Fact]
    public async Task A_host_scrape_counts_its_own_answers_and_none_of_another_host_in_the_same_process()
    {
        await using var busy = await RealHost.StartAsync();
        await using var quiet = await RealHost.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            using var reply = await busy.Client.PostAsJsonAsync("api/chat", new { text = "what are boxcar scars?", conversationId = $"isolation-{i}" });
            reply.EnsureSuccessStatusCode();
        }

        using var own = await quiet.Client.PostAsJsonAsync("api/chat", new { text = "what are boxcar scars?", conversationId = "isolation-quiet" });
        own.EnsureSuccessStatusCode();

        Assert.Equal(3, WebAnswers(await busy.Client.GetStringAsync("metrics")));
        Assert.Equal(1, WebAnswers(await quiet.Client.GetStringAsync("metrics")));
    }

    private static long WebAnswers(string scrape) =>
        AnswersLine().Matches(scrape).Sum(m => long.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"(?m)^skinbot_answers_total\{[^}]*platform=""web""[^}]*\} (?<count>\d+)")]
    private static partial Regex AnswersLine();
}
