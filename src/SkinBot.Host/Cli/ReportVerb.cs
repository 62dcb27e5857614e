using System.Globalization;
using SkinBot.Core.Knowledge;
using SkinBot.Host.Feedback;
using SkinBot.Host.Feedback.Report;

namespace SkinBot.Host.Cli;

/// <summary>
/// <c>skinbot report [--since 7d] [--out report.html] [--format html|md|json]</c>: the content-gap report from the
/// feedback store. The form follows --format, else the --out file's extension, else Markdown on standard output.
/// </summary>
public static class ReportVerb
{
    public const string Usage = "usage: skinbot report [--since 7d|24h|YYYY-MM-DD] [--out FILE] [--format html|md|json]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!ReportArguments.TryParse(args, DateTimeOffset.UtcNow, out var parsed))
        {
            await stderr.WriteLineAsync(Usage);
            return ExitCodes.Usage;
        }

        using var host = CliHost.Build();
        var options = host.Services.GetRequiredService<IConfiguration>().GetSection(FeedbackOptions.SectionName).Get<FeedbackOptions>() ?? new FeedbackOptions();
        if (new FeedbackOptionsValidator().Validate(null, options) is { Failed: true } invalid)
        {
            await stderr.WriteLineAsync("skinbot: " + invalid.FailureMessage);
            return ExitCodes.Usage;
        }

        var contentRoot = SkinBotPaths.FindContentRoot();
        var store = FeedbackStoreFactory.Create(options, FeedbackServiceCollectionExtensions.DataFolder(options, contentRoot));
        await store.MigrateAsync(cancellationToken);
        var snapshot = await store.ReadAsync(parsed.Since, cancellationToken);

        // Passage text is corpus, not user data: the report shows what was quoted when people said 👎.
        var passages = new Dictionary<string, string>(StringComparer.Ordinal);
        if (await CliHost.LoadIndexAsync(host, cancellationToken))
        {
            using var lease = host.Services.GetRequiredService<KnowledgeBaseHolder>().Acquire();
            foreach (var passage in lease.Knowledge.Passages)
            {
                passages[passage.Id] = passage.Text;
            }
        }

        var report = FeedbackReport.Build(snapshot, parsed.Since, DateTimeOffset.UtcNow, id => passages.GetValueOrDefault(id));
        var text = parsed.Format switch
        {
            ReportFormat.Html => ReportRenderers.ToHtml(report),
            ReportFormat.Json => ReportRenderers.ToJson(report),
            _ => ReportRenderers.ToMarkdown(report),
        };

        if (parsed.Out is null)
        {
            await stdout.WriteAsync(text);
        }
        else
        {
            await File.WriteAllTextAsync(parsed.Out, text, cancellationToken);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"report: {report.Answers} answers, {report.VotesUp + report.VotesDown} votes since {parsed.Since:yyyy-MM-dd} written to {parsed.Out}"));
        }

        return ExitCodes.Ok;
    }
}

public enum ReportFormat
{
    Markdown,
    Html,
    Json,
}

/// <summary>The report verb's arguments, read strictly: anything unknown is a usage error.</summary>
public sealed record ReportArguments(DateTimeOffset Since, string? Out, ReportFormat Format)
{
    public static bool TryParse(IReadOnlyList<string> args, DateTimeOffset now, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReportArguments? parsed)
    {
        parsed = null;
        var since = now.AddDays(-7);
        string? output = null;
        ReportFormat? format = null;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                return false;
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--since" when TryParseSince(value, now, out var from):
                    since = from;
                    break;
                case "--out":
                    output = value;
                    break;
                case "--format" when TryParseFormat(value, out var chosen):
                    format = chosen;
                    break;
                default:
                    return false;
            }
        }

        var fallback = ReportFormat.Markdown;
        if (output is not null)
        {
            TryParseFormat(Path.GetExtension(output).TrimStart('.'), out fallback);
        }

        parsed = new ReportArguments(since, output, format ?? fallback);
        return true;
    }

    private static bool TryParseSince(string text, DateTimeOffset now, out DateTimeOffset since)
    {
        since = default;
        if (text.Length > 1 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            switch (text[^1])
            {
                case 'd':
                    since = now.AddDays(-amount);
                    return true;
                case 'h':
                    since = now.AddHours(-amount);
                    return true;
            }
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            since = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return false;
    }

    private static bool TryParseFormat(string text, out ReportFormat format)
    {
        format = text.ToLowerInvariant() switch
        {
            "html" or "htm" => ReportFormat.Html,
            "json" => ReportFormat.Json,
            "md" or "markdown" => ReportFormat.Markdown,
            _ => (ReportFormat)(-1),
        };
        if (!Enum.IsDefined(format))
        {
            format = ReportFormat.Markdown;
            return false;
        }

        return true;
    }
}
