namespace SkinBot.Discord;

/// <summary>The <c>skinbot discord ...</c> verbs.</summary>
public static class DiscordCliVerbs
{
    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine("usage: skinbot discord register-commands [--guild ID]");
        return Task.FromResult(2);
    }
}
