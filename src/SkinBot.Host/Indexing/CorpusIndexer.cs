using SkinBot.Core.Corpus;
using SkinBot.Core.Engine;
using SkinBot.Core.Knowledge;

namespace SkinBot.Host.Indexing;

/// <summary>
/// Builds the knowledge base from corpus/ and swaps it in. A failed build leaves the serving one in place and
/// says why; an unchanged corpus is not rebuilt.
/// </summary>
public sealed class CorpusIndexer(
    KnowledgeBaseBuilder builder,
    KnowledgeBaseHolder holder,
    CorpusLayout layout,
    IndexMetrics metrics,
    ILogger<CorpusIndexer> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public CorpusLayout Layout => layout;

    /// <returns>True when a knowledge base is serving afterwards.</returns>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var fingerprint = Directory.Exists(layout.Root)
                ? await layout.FingerprintAsync(cancellationToken)
                : null;
            if (fingerprint is not null && fingerprint == holder.Fingerprint)
            {
                logger.CorpusUnchanged(fingerprint);
                return true;
            }

            var knowledge = await builder.BuildAsync(layout, cancellationToken, fingerprint);
            holder.Swap(knowledge);
            metrics.Succeeded(knowledge.BuildTime, knowledge.Passages.Count, knowledge.Built);
            logger.IndexReady(
                knowledge.Built ? "built" : "reopened",
                knowledge.Fingerprint,
                knowledge.Articles.Count,
                knowledge.Passages.Count,
                knowledge.Skipped.Count,
                knowledge.BuildTime.TotalMilliseconds);
            BuildLeftovers.Release(logger);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever broke the build (a bad file, a bug, a full disk), the serving index stays and the worker lives on.
            metrics.Failed();
            // A bad edit is routine: its reason is the message; a stack trace is only worth logging for the unexpected.
            var trace = ex is CorpusFormatException ? null : ex;
            if (holder.IsReady)
            {
                logger.RebuildFailed(trace, holder.Fingerprint, ex.Message);
            }
            else
            {
                logger.BuildFailed(trace, layout.Root, ex.Message);
            }

            return holder.IsReady;
        }
        finally
        {
            _gate.Release();
        }
    }
}
