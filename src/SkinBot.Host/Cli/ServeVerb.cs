using Microsoft.Extensions.Options;
using SkinBot.Host.Startup;

namespace SkinBot.Host.Cli;

/// <summary>
/// <c>skinbot serve</c>: runs the host until it is told to stop (Ctrl+C, SIGTERM). A start that fails ends with one line
/// per problem on standard error, the same at Critical in the log, and an exit code a supervisor can act on
/// (<see cref="ExitCodes.Configuration"/> or <see cref="ExitCodes.Failed"/>) instead of an unhandled exception.
/// </summary>
internal static class ServeVerb
{
    public static async Task<int> RunAsync(string[] args, TextWriter stderr, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = SkinBotHost.Create(args);
        }
        catch (Exception exception)
        {
            // There is no host, so no logger yet: standard error is the only place to say it.
            var failure = StartupFailure.Classify(exception);
            await failure.WriteToAsync(stderr);
            return failure.ExitCode;
        }

        await using (app)
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(StartupLog.Category);
            var starting = false;
            try
            {
                // Every option is checked before anything is mapped or started, so a bad one is reported here, by key and
                // briefly, rather than by the host's own "Hosting failed to start" error with a stack trace.
                app.Services.GetService<IStartupValidator>()?.Validate();
                SkinBotHost.MapEndpoints(app);
                starting = true;
                await app.StartAsync(cancellationToken);
            }
            catch (Exception exception)
            {
                var failure = StartupFailure.Classify(exception);
                // A failed start is already logged by the host with its exception; once is enough.
                Log(logger, failure, starting ? null : exception);
                await failure.WriteToAsync(stderr);
                return failure.ExitCode;
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        }
    }

    private static void Log(ILogger logger, StartupFailure failure, Exception? exception)
    {
        if (!failure.IsConfiguration)
        {
            StartupLog.StartFailed(logger, exception, failure.Problems[0]);
            return;
        }

        // Not the exception: the binder's message in it quotes the value, which may be a secret.
        foreach (var problem in failure.Problems)
        {
            StartupLog.ConfigurationProblem(logger, problem);
        }
    }
}
