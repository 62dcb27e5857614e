using System.Text.Json;
using SkinBot.Host.Cli;
using SkinBot.Testing;
using Xunit.Abstractions;

namespace SkinBot.Host.Tests.Cli;

/// <summary><c>skinbot eval</c>, <c>skinbot index</c> and <c>skinbot chat</c>.</summary>
[Collection(CliCollection.Name)]
public sealed class OtherVerbTests(ITestOutputHelper output) : IDisposable
{
    private const string PassingSet = """
        questions:
          - text: "what are boxcar scars?"
            intent: scar_types
            expect: ["Boxcar scars"]
          - text: "what is subcision?"
            intent: treatment_in_office
            expect: ["Subcision"]
          - text: "I have a fever and the redness is spreading"
            intent: urgent
        """;

    private const string FailingSet = """
        questions:
          - text: "what are boxcar scars?"
            intent: prevention
            expect: ["section:prevention"]
        """;

    private readonly TempFolder _folder = new("skinbot-cli");

    public void Dispose() => _folder.Dispose();

    private async Task<(int Exit, string Stdout, string Stderr)> EvalAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await EvalVerb.RunAsync(args, stdout, stderr, CancellationToken.None);
        output.WriteLine($"exit {exit}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Eval_prints_accuracy_hits_caveat_rate_and_safety_counts()
    {
        var file = _folder.Write("tiny.yml", PassingSet);

        var (exit, stdout, _) = await EvalAsync(file);

        Assert.Equal(0, exit);
        Assert.Contains("questions            3", stdout, StringComparison.Ordinal);
        Assert.Contains("intent accuracy      1.000", stdout, StringComparison.Ordinal);
        Assert.Contains("hit@1                1.000  (of 2 in-scope questions with expected passages)", stdout, StringComparison.Ordinal);
        Assert.Contains("hit@3                1.000", stdout, StringComparison.Ordinal);
        Assert.Contains("caveat rate          1.000", stdout, StringComparison.Ordinal);
        Assert.Contains("urgent with tips     0", stdout, StringComparison.Ordinal);
        Assert.Contains("misses               0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_lists_each_miss()
    {
        var file = _folder.Write("failing.yml", FailingSet);

        var (exit, stdout, _) = await EvalAsync(file);

        Assert.Equal(0, exit);
        Assert.Contains("[intent] \"what are boxcar scars?\" expected prevention, got scar_types", stdout, StringComparison.Ordinal);
        Assert.Contains("[retrieval] \"what are boxcar scars?\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_strict_fails_below_the_thresholds_and_passes_above_them()
    {
        var failing = _folder.Write("failing.yml", FailingSet);
        var passing = _folder.Write("passing.yml", PassingSet);

        Assert.Equal(1, (await EvalAsync(failing, "--strict")).Exit);
        Assert.Equal(0, (await EvalAsync(passing, "--strict")).Exit);
    }

    [Fact]
    public async Task Eval_json_is_the_report_as_json()
    {
        var file = _folder.Write("tiny.yml", PassingSet);

        var (exit, stdout, _) = await EvalAsync(file, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(3, json.RootElement.GetProperty("questions").GetInt32());
        Assert.Equal(1.0, json.RootElement.GetProperty("intentAccuracy").GetDouble());
        Assert.Equal(0, json.RootElement.GetProperty("misses").GetArrayLength());
    }

    [Fact]
    public async Task Eval_without_a_file_or_with_an_unreadable_one_is_a_usage_error()
    {
        var broken = _folder.Write("broken.yml", "questions: [unclosed\n");

        var noFile = await EvalAsync("--json");
        var missing = await EvalAsync(_folder.Combine("missing.yml"));
        var notYaml = await EvalAsync(broken);

        Assert.Equal(2, noFile.Exit);
        Assert.Contains("usage: skinbot eval", noFile.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("missing.yml", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, notYaml.Exit);
        Assert.Contains("broken.yml", notYaml.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_prints_the_corpus_version_articles_passages_and_time()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await IndexVerb.RunAsync(stdout, stderr, CancellationToken.None);
        output.WriteLine(stdout.ToString());

        Assert.Equal(0, exit);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string Value(string key) => lines.Single(l => l.StartsWith(key + " ", StringComparison.Ordinal))[key.Length..].Trim();
        Assert.True(Directory.Exists(Path.Combine(Value("corpus"), "articles")));
        Assert.Matches("^[0-9a-f]{16}$", Value("version"));
        Assert.True(int.Parse(Value("articles"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.True(int.Parse(Value("passages"), System.Globalization.CultureInfo.InvariantCulture) >= 20);
        Assert.Equal("0", Value("skipped"));
        Assert.Contains(Value("index"), new[] { "built", "reopened from disk (corpus unchanged)" });
        Assert.Matches(@"^\d+ ms$", Value("time"));
    }

    [Fact]
    public async Task Index_twice_reopens_the_persisted_index_the_second_time()
    {
        await IndexVerb.RunAsync(new StringWriter(), new StringWriter(), CancellationToken.None);
        var stdout = new StringWriter();

        await IndexVerb.RunAsync(stdout, new StringWriter(), CancellationToken.None);

        Assert.Contains("index      reopened from disk (corpus unchanged)", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_remembers_the_topic_and_asks_a_numbered_follow_up()
    {
        var stdout = new StringWriter();
        var stdin = new StringReader("what are boxcar scars?\nand rolling?\n1\nquit\nnever read\n");

        var exit = await ChatVerb.RunAsync(stdin, stdout, new StringWriter(), CancellationToken.None);
        var text = stdout.ToString();
        output.WriteLine(text);

        Assert.Equal(0, exit);
        Assert.Contains("**Boxcar scars**", text, StringComparison.Ordinal);
        Assert.Contains("**Rolling scars**", text, StringComparison.Ordinal);
        Assert.Contains("  [1] How do you treat rolling scars?", text, StringComparison.Ordinal);
        Assert.Contains("you> How do you treat rolling scars?", text, StringComparison.Ordinal);
        Assert.Contains("**Treatments by scar type**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("never read", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_ends_at_the_end_of_input()
    {
        var exit = await ChatVerb.RunAsync(new StringReader("hello\n"), new StringWriter(), new StringWriter(), CancellationToken.None);

        Assert.Equal(0, exit);
    }
}
