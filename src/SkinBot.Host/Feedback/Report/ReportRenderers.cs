using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SkinBot.Host.Feedback.Report;

/// <summary>The report's three forms: a self-contained HTML page (inline SVG, no scripts or external resources), Markdown and JSON for CI.</summary>
public static class ReportRenderers
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string ToJson(FeedbackReport report) => JsonSerializer.Serialize(report, Json);

    public static string ToMarkdown(FeedbackReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# SkinBot feedback report\n\n{report.Since:yyyy-MM-dd} to {report.Until:yyyy-MM-dd}: {report.Answers} answers, {report.VotesUp} 👍, {report.VotesDown} 👎 ({Percent(report.DownRate)} 👎).\n");
        text.Append(CultureInfo.InvariantCulture, $"Low confidence: {Percent(report.LowConfidenceShare)}. Not covered: {Percent(report.NotCoveredShare)}. Out of scope: {Percent(report.OutOfScopeShare)}.\n\n");
        text.Append("## By intent\n\n| Intent | Answers | Low confidence | Not covered | 👍 | 👎 | 👎 rate |\n|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var row in report.Intents)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(row.Intent)} | {row.Answers} | {Percent(row.LowConfidenceShare)} | {Percent(row.NotCoveredShare)} | {row.Up} | {row.Down} | {Percent(row.DownRate)} |\n");
        }

        text.Append("\n## 👎 by passage\n\n| Passage | 👍 | 👎 | Text |\n|---|---:|---:|---|\n");
        foreach (var row in report.Passages)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(row.PassageId)} | {row.Up} | {row.Down} | {Cell(Shorten(row.Text))} |\n");
        }

        text.Append("\n## Reasons given for 👎\n\n");
        foreach (var reason in report.DownReasons)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {reason.Name}: {reason.Count}\n");
        }

        text.Append("\n## Corpus versions\n\n");
        foreach (var version in report.CorpusVersions)
        {
            text.Append(CultureInfo.InvariantCulture, $"- `{version.Name}`: {version.Count} answers\n");
        }

        if (report.UnansweredQuestions is { } questions)
        {
            text.Append("\n## Most frequent unanswered questions\n\n");
            foreach (var cluster in questions)
            {
                text.Append(CultureInfo.InvariantCulture, $"- ({cluster.Count}×) {Cell(cluster.Example)}\n");
            }
        }

        return text.ToString();
    }

    /// <remarks>Words, not the 👍 / 👎 emoji, in the page: a machine without an emoji font (a server, headless Chromium) would draw boxes.</remarks>
    public static string ToHtml(FeedbackReport report)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>SkinBot feedback report</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#1f2933}
            h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
            table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d9e2ec;padding:.3rem .5rem;text-align:left;vertical-align:top}
            td.n,th.n{text-align:right}.tiles{display:flex;gap:1rem;flex-wrap:wrap}.tile{background:#f0f4f8;border-radius:.5rem;padding:.6rem 1rem}
            .tile b{display:block;font-size:1.4rem}svg text{font-size:11px;fill:#334e68}
            </style></head><body>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<h1>SkinBot feedback report</h1><p>{report.Since:yyyy-MM-dd} to {report.Until:yyyy-MM-dd}</p>");
        html.Append("<div class=\"tiles\">");
        Tile(html, "answers", report.Answers.ToString(CultureInfo.InvariantCulture));
        Tile(html, "helped", report.VotesUp.ToString(CultureInfo.InvariantCulture));
        Tile(html, "didn't help", report.VotesDown.ToString(CultureInfo.InvariantCulture));
        Tile(html, "didn't-help rate", Percent(report.DownRate));
        Tile(html, "low confidence", Percent(report.LowConfidenceShare));
        Tile(html, "not covered", Percent(report.NotCoveredShare));
        Tile(html, "out of scope", Percent(report.OutOfScopeShare));
        html.Append("</div>");

        html.Append("<h2>Answers per day</h2>");
        html.Append(BarChart(report.AnswersByDay.Select(day => (day.Day.ToString("MM-dd", CultureInfo.InvariantCulture), (double)day.Answers, day.Answers.ToString(CultureInfo.InvariantCulture))).ToList(), "answers per day"));

        html.Append("<h2>Didn't-help rate by intent</h2>");
        html.Append(BarChart(report.Intents.Where(row => row.Up + row.Down > 0).Select(row => (row.Intent, row.DownRate, Percent(row.DownRate))).ToList(), "thumbs-down rate by intent"));

        html.Append("<h2>By intent</h2><table><thead><tr><th>Intent</th><th class=\"n\">Answers</th><th class=\"n\">Low confidence</th><th class=\"n\">Not covered</th><th class=\"n\">Helped</th><th class=\"n\">Didn't help</th><th class=\"n\">Rate</th></tr></thead><tbody>");
        foreach (var row in report.Intents)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.Intent)}</td><td class=\"n\">{row.Answers}</td><td class=\"n\">{Percent(row.LowConfidenceShare)}</td><td class=\"n\">{Percent(row.NotCoveredShare)}</td><td class=\"n\">{row.Up}</td><td class=\"n\">{row.Down}</td><td class=\"n\">{Percent(row.DownRate)}</td></tr>");
        }

        html.Append("</tbody></table><h2>Didn't help, by passage quoted</h2><table><thead><tr><th>Passage</th><th class=\"n\">Helped</th><th class=\"n\">Didn't help</th><th>Text</th></tr></thead><tbody>");
        foreach (var row in report.Passages)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.PassageId)}</td><td class=\"n\">{row.Up}</td><td class=\"n\">{row.Down}</td><td>{E(Shorten(row.Text))}</td></tr>");
        }

        html.Append("</tbody></table><h2>Reasons given</h2><ul>");
        foreach (var reason in report.DownReasons)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(reason.Name)}: {reason.Count}</li>");
        }

        html.Append("</ul><h2>Corpus versions</h2><ul>");
        foreach (var version in report.CorpusVersions)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><code>{E(version.Name)}</code>: {version.Count} answers</li>");
        }

        html.Append("</ul>");
        if (report.UnansweredQuestions is { } questions)
        {
            html.Append("<h2>Most frequent unanswered questions</h2><ol>");
            foreach (var cluster in questions)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(cluster.Example)} <small>({cluster.Count}×)</small></li>");
            }

            html.Append("</ol>");
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Tile(StringBuilder html, string label, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"tile\"><b>{E(value)}</b>{E(label)}</div>");

    /// <summary>Horizontal bars, one per row, scaled to the largest value; drawn inline so the page needs nothing else.</summary>
    private static string BarChart(IReadOnlyList<(string Label, double Value, string Shown)> rows, string title)
    {
        if (rows.Count == 0)
        {
            return "<p>No data yet.</p>";
        }

        const int rowHeight = 20, labelWidth = 170, barWidth = 420;
        var max = Math.Max(rows.Max(row => row.Value), double.Epsilon);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"{E(title)}\" width=\"{labelWidth + barWidth + 60}\" height=\"{rows.Count * rowHeight + 4}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value, shown) = rows[i];
            var y = i * rowHeight;
            var width = Math.Max(1, value / max * barWidth);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 14}\">{E(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{width:0.0}\" height=\"{rowHeight - 6}\" fill=\"#3e7cb1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 4:0.0}\" y=\"{y + 14}\">{E(shown)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Percent(double share) => share.ToString("0.0 %", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Shorten(string text) => text.Length <= 240 ? text : text[..239] + "…";
}
