using SkinBot.Core.Answers;
using SkinBot.Core.Turns;

namespace SkinBot.Host.Cli;

/// <summary>
/// <c>skinbot chat</c>: an interactive conversation with follow-up memory. Typing the number of a suggested
/// follow-up asks it; "quit", "exit" or end of input leaves.
/// </summary>
public static class ChatVerb
{
    public static async Task<int> RunAsync(TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build();
        if (!await CliHost.LoadIndexAsync(host, cancellationToken))
        {
            stderr.WriteLine("skinbot: the corpus index could not be built; see the log above.");
            return 1;
        }

        var turns = host.Services.GetRequiredService<ITurnRunner>();
        var conversation = $"cli-chat-{Guid.NewGuid():N}";
        IReadOnlyList<FollowUp> followUps = [];
        await stdout.WriteLineAsync("SkinBot — ask about pockmarks (pitted acne scars). Type 'quit' to leave.");
        while (true)
        {
            await stdout.WriteAsync("you> ");
            await stdout.FlushAsync(cancellationToken);
            // Console.In reads synchronously and ignores the token, so the read runs on its own thread and Ctrl+C
            // races it instead of waiting for Enter.
            var reading = Task.Run(stdin.ReadLine, CancellationToken.None);
            using (var lineRead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                await Task.WhenAny(reading, Task.Delay(Timeout.Infinite, lineRead.Token));
                await lineRead.CancelAsync();
            }

            cancellationToken.ThrowIfCancellationRequested();
            var line = await reading;
            if (line is null || line.Trim() is "quit" or "exit")
            {
                return 0;
            }

            if (int.TryParse(line.Trim(), out var choice) && choice >= 1 && choice <= followUps.Count)
            {
                line = followUps[choice - 1].Question;
                await stdout.WriteLineAsync($"you> {line}");
            }

            var answer = await AskVerb.AnswerAsync(turns, AskVerb.Request(line, conversation), cancellationToken);
            await stdout.WriteLineAsync();
            await stdout.WriteLineAsync(AnswerTextRenderer.Render(answer with { FollowUps = [] }, int.MaxValue));
            followUps = answer.FollowUps;
            for (var i = 0; i < followUps.Count; i++)
            {
                await stdout.WriteLineAsync($"  [{i + 1}] {followUps[i].Question}");
            }

            await stdout.WriteLineAsync();
        }
    }
}
