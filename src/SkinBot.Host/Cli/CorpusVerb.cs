using SkinBot.Core.CorpusChecks;
using SkinBot.Core.Engine;

namespace SkinBot.Host.Cli;

/// <summary>
/// <c>skinbot corpus check [--corpus DIR]</c>: lints the corpus (front matter, sources, the citation on every
/// passage, section ids, intents against sections, duplicates, synonyms) and exits 1 when anything is an error, so
/// CI fails before a broken corpus ships. Without <c>--corpus</c> it checks the configured corpus.
/// </summary>
public static class CorpusVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] != "check" || args.Count is not (1 or 3) || args.Count == 3 && args[1] != "--corpus")
        {
            await stderr.WriteLineAsync("usage: skinbot corpus check [--corpus DIR]");
            return ExitCodes.Usage;
        }

        CorpusLayout layout;
        if (args.Count == 3)
        {
            layout = new CorpusLayout(Path.GetFullPath(args[2]));
        }
        else
        {
            using var host = CliHost.Build();
            layout = host.Services.GetRequiredService<CorpusLayout>();
        }

        if (!Directory.Exists(layout.Root))
        {
            await stderr.WriteLineAsync($"skinbot: no corpus folder at {layout.Root}");
            return ExitCodes.Usage;
        }

        var findings = await CorpusChecker.CheckAsync(layout, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken);
        foreach (var finding in findings)
        {
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), finding.File);
            var shown = relative.StartsWith("..", StringComparison.Ordinal) ? finding : finding with { File = relative };
            await stdout.WriteLineAsync(shown.ToString());
        }

        var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
        var warnings = findings.Count - errors;
        await stdout.WriteLineAsync($"corpus check: {errors} error(s), {warnings} warning(s) in {layout.Root}");
        return errors == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
