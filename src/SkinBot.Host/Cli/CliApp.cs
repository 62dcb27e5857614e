using SkinBot.Discord;
using SkinBot.Host.Startup;
using SkinBot.Teams;

namespace SkinBot.Host.Cli;

/// <summary>
/// Dispatches <c>skinbot &lt;verb&gt;</c>. Exit codes (<see cref="ExitCodes"/>): 0 ok, 1 failed, 2 usage error,
/// 78 invalid configuration (each key named on standard error, never its value), 130 interrupted by Ctrl+C.
/// </summary>
public static class CliApp
{
    public const string Usage = """
        usage: skinbot [serve] [--urls URL]        run the bot (web chat, Discord, Teams, operator endpoints)
               skinbot ask "question" [--json] [--explain]
                                                  answer one question (--explain: why, on stderr)
               skinbot ask - [--json]             answer one question per line of standard input
               skinbot chat                       talk to SkinBot in the terminal
               skinbot index                      build (or reopen) the corpus index and report it
               skinbot corpus check [--corpus DIR]
                                                  lint the corpus (sources, sections, intents); exit 1 on errors
               skinbot report [--since 7d] [--out report.html] [--format html|md|json]
                                                  the feedback and content-gap report (HTML, Markdown or JSON)
               skinbot eval FILE.yml [--json] [--strict]
                                                  run a labelled question file and report accuracy
               skinbot discord register-commands [--guild ID]
               skinbot teams package [--out FILE.zip]

        serve listens where --urls, ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS say; with none of them, http://localhost:5080.
        exit codes: 0 ok, 1 failed, 2 usage error, 78 invalid configuration (stderr names each key), 130 interrupted (Ctrl+C)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "serve" or "run" || args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not "--help")
        {
            var hostArgs = args.Length > 0 && args[0] is "serve" or "run" ? args[1..] : args;
            // The host stops itself on Ctrl+C and SIGTERM (and then exits 0, as a service asked to stop should).
            return await ServeVerb.RunAsync(hostArgs, Console.Error, CancellationToken.None);
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C asks the verb to stop cleanly; a second one ends the process at once.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };

        var verb = args[0];
        var rest = args[1..];
        try
        {
            return verb switch
            {
                "ask" => await AskVerb.RunAsync(rest, Console.In, Console.Out, Console.Error, cancellation.Token),
                "chat" => await ChatVerb.RunAsync(Console.In, Console.Out, Console.Error, cancellation.Token),
                "index" => await IndexVerb.RunAsync(Console.Out, Console.Error, cancellation.Token),
                "eval" => await EvalVerb.RunAsync(rest, Console.Out, Console.Error, cancellation.Token),
                "corpus" => await CorpusVerb.RunAsync(rest, Console.Out, Console.Error, cancellation.Token),
                "report" => await ReportVerb.RunAsync(rest, Console.Out, Console.Error, cancellation.Token),
                "discord" => await RunPlatformVerbAsync(rest, DiscordCliVerbs.RunAsync, cancellation.Token),
                "teams" => await RunPlatformVerbAsync(rest, TeamsCliVerbs.RunAsync, cancellation.Token),
                "help" or "--help" or "-h" => Help(Console.Out, ExitCodes.Ok),
                _ => Help(Console.Error, ExitCodes.Usage),
            };
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception exception) when (StartupFailure.Classify(exception) is { IsConfiguration: true } failure)
        {
            await failure.WriteToAsync(Console.Error);
            return failure.ExitCode;
        }
    }

    private static int Help(TextWriter writer, int exitCode)
    {
        writer.WriteLine(Usage);
        return exitCode;
    }

    private static async Task<int> RunPlatformVerbAsync(
        string[] args,
        Func<IServiceProvider, IReadOnlyList<string>, TextWriter, TextWriter, CancellationToken, Task<int>> verb,
        CancellationToken cancellationToken)
    {
        using var host = CliHost.Build(withPlatforms: true);
        return await verb(host.Services, args, Console.Out, Console.Error, cancellationToken);
    }
}
