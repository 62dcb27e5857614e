using SkinBot.Core.Engine;
using SkinBot.Core.Knowledge;

namespace SkinBot.Host.Cli;

/// <summary><c>skinbot index</c>: builds (or reopens) the configured index and reports what it holds.</summary>
public static class IndexVerb
{
    public static async Task<int> RunAsync(TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build();
        if (!await CliHost.LoadIndexAsync(host, cancellationToken))
        {
            stderr.WriteLine("skinbot: the corpus index could not be built; see the log above.");
            return 1;
        }

        using var lease = host.Services.GetRequiredService<KnowledgeBaseHolder>().Acquire();
        var knowledge = lease.Knowledge;
        await stdout.WriteLineAsync($"corpus     {host.Services.GetRequiredService<CorpusLayout>().Root}");
        await stdout.WriteLineAsync($"version    {knowledge.Fingerprint}");
        await stdout.WriteLineAsync($"articles   {knowledge.Articles.Count}");
        await stdout.WriteLineAsync($"passages   {knowledge.Passages.Count}");
        await stdout.WriteLineAsync($"skipped    {knowledge.Skipped.Count}");
        foreach (var skipped in knowledge.Skipped)
        {
            await stdout.WriteLineAsync($"  - {skipped.FilePath}: {skipped.Reason}");
        }

        await stdout.WriteLineAsync($"index      {(knowledge.Built ? "built" : "reopened from disk (corpus unchanged)")}");
        await stdout.WriteLineAsync($"time       {knowledge.BuildTime.TotalMilliseconds:0} ms");
        foreach (var (stage, elapsed) in knowledge.BuildStages)
        {
            await stdout.WriteLineAsync($"  {stage,-22} {elapsed.TotalMilliseconds,6:0} ms");
        }
        return 0;
    }
}
