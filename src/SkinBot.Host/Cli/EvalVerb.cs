using System.Text.Json;
using SkinBot.Core.Chat;
using SkinBot.Core.Corpus;
using SkinBot.Core.Evaluation;

namespace SkinBot.Host.Cli;

/// <summary>
/// <c>skinbot eval FILE.yml [--json] [--strict]</c>: runs a labelled question file and prints intent accuracy,
/// hit@1, hit@3, caveat rate, the safety counts and each miss. --strict exits 1 below the required thresholds.
/// </summary>
public static class EvalVerb
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null)
        {
            stderr.WriteLine("usage: skinbot eval FILE.yml [--json] [--strict]");
            return 2;
        }

        EvalSet set;
        try
        {
            set = EvalSet.Parse(await File.ReadAllTextAsync(file, cancellationToken), file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CorpusFormatException)
        {
            stderr.WriteLine($"skinbot: cannot read {file}: {ex.Message}");
            return 2;
        }

        using var host = CliHost.Build();
        if (!await CliHost.LoadIndexAsync(host, cancellationToken))
        {
            stderr.WriteLine("skinbot: the corpus index could not be built; see the log above.");
            return 1;
        }

        var report = await EvalRunner.RunAsync(host.Services.GetRequiredService<IChatEngine>(), set, cancellationToken);
        await stdout.WriteLineAsync(args.Contains("--json")
            ? JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true })
            : report.ToText());
        return args.Contains("--strict") && !report.MeetsThresholds(EvalReport.Required) ? 1 : 0;
    }
}
