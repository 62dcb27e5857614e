using SkinBot.Host.Cli;

namespace SkinBot.Host.Startup;

/// <summary>Why a start failed, as the exit code and the lines an operator reads on standard error.</summary>
internal sealed record StartupFailure(int ExitCode, IReadOnlyList<string> Problems)
{
    public bool IsConfiguration => ExitCode == ExitCodes.Configuration;

    /// <summary>A configuration mistake (78, one line per key) or anything else (1, one line).</summary>
    public static StartupFailure Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return ConfigurationProblems.Find(exception) is { } problems
            ? new StartupFailure(ExitCodes.Configuration, problems)
            : new StartupFailure(ExitCodes.Failed, [Describe(exception)]);
    }

    /// <summary>
    /// One line per problem, without a stack trace: the operator needs what to fix; the trace, when there is one worth
    /// reading, is in the log.
    /// </summary>
    public async Task WriteToAsync(TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var prefix = IsConfiguration ? "skinbot: configuration error: " : "skinbot: could not start: ";
        foreach (var problem in Problems)
        {
            await stderr.WriteLineAsync(prefix + problem);
        }
    }

    private static string Describe(Exception exception)
    {
        var messages = exception is AggregateException aggregate
            ? aggregate.Flatten().InnerExceptions.Select(inner => inner.Message)
            : [exception.Message];
        return string.Join("; ", messages.Select(ConfigurationProblems.OneLine));
    }
}
