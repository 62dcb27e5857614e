using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Turns;

namespace SkinBot.Host.Cli;

/// <summary>
/// <c>skinbot ask "question" [--json] [--explain]</c>, or <c>skinbot ask -</c> to answer one question per input line
/// (one answer per output line: JSON Lines with --json, else the text flattened to one line), loading the index once.
/// </summary>
public static class AskVerb
{
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var json = args.Contains("--json");
        var explain = args.Contains("--explain");
        var words = args.Where(a => a is not ("--json" or "--explain")).ToList();
        if (words.Count == 0)
        {
            stderr.WriteLine("usage: skinbot ask \"question\" [--json]   or   skinbot ask - [--json] < questions.txt");
            return 2;
        }

        using var host = CliHost.Build();
        if (!await CliHost.LoadIndexAsync(host, cancellationToken))
        {
            stderr.WriteLine("skinbot: the corpus index could not be built; see the log above.");
            return 1;
        }

        var turns = host.Services.GetRequiredService<ITurnRunner>();
        if (words is ["-"])
        {
            var line = 0;
            while (await stdin.ReadLineAsync(cancellationToken) is { } question)
            {
                // Each line is its own conversation, so answers do not depend on the lines before them.
                var answer = await AnswerAsync(turns, Request(question, $"cli-line-{++line}"), cancellationToken);
                await stdout.WriteLineAsync(json ? AnswerJson.Serialize(answer) : Flatten(AnswerTextRenderer.Render(answer)));
            }

            return 0;
        }

        var text = string.Join(' ', words);
        if (explain)
        {
            using var lease = host.Services.GetRequiredService<Core.Knowledge.KnowledgeBaseHolder>().Acquire();
            await stderr.WriteLineAsync(Core.Intents.IntentClassifier.Explain(text, lease.Knowledge));
        }

        var single = await AnswerAsync(turns, Request(text, "cli"), cancellationToken);
        await stdout.WriteLineAsync(json ? AnswerJson.Serialize(single) : AnswerTextRenderer.Render(single));
        return 0;
    }

    internal static ChatRequest Request(string text, string conversationId) =>
        new(Platforms.Cli, conversationId, Environment.UserName, text) { ChannelId = "cli" };

    /// <summary>The CLI prints whatever the turn shows, the same way for every outcome (it has no limits to refuse with).</summary>
    internal static async Task<Answer> AnswerAsync(ITurnRunner turns, ChatRequest request, CancellationToken cancellationToken) =>
        (await turns.RunAsync(request, TurnOptions.None, cancellationToken)).Reply;

    private static string Flatten(string text) => string.Join(" ⏎ ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
}
