using System.Text.Json;
using SkinBot.Host.Cli;
using Xunit.Abstractions;

namespace SkinBot.Host.Tests.Cli;

/// <summary><c>skinbot ask</c>: one question, or one per line of standard input; text or JSON Lines.</summary>
[Collection(CliCollection.Name)]
public sealed class AskVerbTests(ITestOutputHelper output)
{
    private sealed record Run(int ExitCode, string Stdout, string Stderr);

    private async Task<Run> AskAsync(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await AskVerb.RunAsync(args, new StringReader(stdin), stdout, stderr, CancellationToken.None);
        output.WriteLine($"content root {SkinBotPaths.FindContentRoot()}; exit {exit}\nstderr:\n{stderr}");
        return new Run(exit, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Ask_dash_json_answers_each_line_of_input_with_one_json_line()
    {
        const string questions = "what are boxcar scars?\nwhat can I do at home for pitted scars?\nI have a fever and it is spreading\n\n/scar rolling\n";

        var run = await AskAsync(questions, "-", "--json");

        Assert.Equal(0, run.ExitCode);
        var answers = Lines(run.Stdout).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(5, answers.Count);
        Assert.All(answers, a => Assert.Equal(1, a.GetProperty("schemaVersion").GetInt32()));
        Assert.Equal(["scar_types", "treatment_at_home", "urgent", "greeting_help", "scar_types"], answers.Select(a => a.GetProperty("intent").GetString()));
        Assert.Equal("Boxcar scars", answers[0].GetProperty("passages")[0].GetProperty("leadTerm").GetString());
        Assert.All(answers[1].GetProperty("passages").EnumerateArray(), p => Assert.Equal("treatments-at-home", p.GetProperty("sectionId").GetString()));
        Assert.Equal(0, answers[2].GetProperty("passages").GetArrayLength());
        Assert.Equal("Rolling scars", answers[4].GetProperty("passages")[0].GetProperty("leadTerm").GetString());
        Assert.Single(answers.Select(a => a.GetProperty("corpusVersion").GetString()).Distinct());
    }

    [Fact]
    public async Task Lines_of_input_are_separate_conversations()
    {
        var run = await AskAsync("what are boxcar scars?\nand those?\n", "-", "--json");

        var answers = Lines(run.Stdout).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal("scar_types", answers[0].GetProperty("intent").GetString());
        Assert.NotEqual("scar_types", answers[1].GetProperty("intent").GetString());
    }

    [Fact]
    public async Task Ask_dash_in_text_mode_writes_one_flattened_line_per_question()
    {
        var run = await AskAsync("what is subcision?\nwhat are ice pick scars?\n", "-");

        Assert.Equal(0, run.ExitCode);
        var lines = Lines(run.Stdout);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("**Subcision (in-office treatment)** ⏎ > Subcision:", lines[0], StringComparison.Ordinal);
        Assert.Contains("dermatologist", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("**Ice pick scars**", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_with_empty_input_writes_nothing_and_succeeds()
    {
        var run = await AskAsync(string.Empty, "-", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Ask_one_question_in_text_quotes_the_passage_with_source_and_caveat()
    {
        var run = await AskAsync(string.Empty, "what", "are", "boxcar", "scars?");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("**Boxcar scars**", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("> boxcar scars (broad, sunken depressions with well-defined edges)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("— Yep, You Actually Can Improve Your Pockmarks, quoting Rachel Maiman, MD", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("⚕️", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("board-certified dermatologist", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_at_home_lists_the_at_home_treatments_and_none_of_the_in_office_ones()
    {
        var run = await AskAsync(string.Empty, "what can I do at home for pitted scars?", "--json");

        using var json = JsonDocument.Parse(run.Stdout);
        var rendered = json.RootElement.GetProperty("rendered").GetString()!;
        Assert.Equal("treatment_at_home", json.RootElement.GetProperty("intent").GetString());
        Assert.Contains("Retinol", rendered, StringComparison.Ordinal);
        Assert.Contains("Prescription retinoids", rendered, StringComparison.Ordinal);
        Assert.All(
            new[] { "Subcision", "Laser", "Chemical peels", "Microneedling", "Surgical scar revision" },
            name => Assert.DoesNotContain(name, rendered, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_json_is_a_single_line_of_the_documented_schema()
    {
        var run = await AskAsync(string.Empty, "does retinol help?", "--json");

        Assert.Single(Lines(run.Stdout));
        using var json = JsonDocument.Parse(run.Stdout);
        string[] fields = ["schemaVersion", "intent", "confidence", "passages", "caveat", "rendered", "corpusVersion"];
        Assert.All(fields, f => Assert.True(json.RootElement.TryGetProperty(f, out _), f));
        Assert.NotEmpty(json.RootElement.GetProperty("passages")[0].GetProperty("sectionPath").EnumerateArray());
    }

    [Fact]
    public async Task Explain_writes_the_evidence_to_stderr_and_the_answer_to_stdout()
    {
        var run = await AskAsync(string.Empty, "what is subcison?", "--explain", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("spelling:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("subcision", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("nearest examples:", run.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("Subcision", json.RootElement.GetProperty("passages")[0].GetProperty("leadTerm").GetString());
    }

    [Theory]
    [InlineData]
    [InlineData("--json")]
    [InlineData("--json", "--explain")]
    public async Task Ask_without_a_question_is_a_usage_error(params string[] args)
    {
        var run = await AskAsync(string.Empty, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: skinbot ask", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
