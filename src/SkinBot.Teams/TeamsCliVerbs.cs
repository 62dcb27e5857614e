namespace SkinBot.Teams;

/// <summary>The <c>skinbot teams ...</c> command-line verbs.</summary>
public static class TeamsCliVerbs
{
    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine("usage: skinbot teams package [--out <file.zip>]");
        return Task.FromResult(2);
    }
}
