using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SkinBot.Testing;
using Xunit.Abstractions;

namespace SkinBot.Host.Tests.Hosting;

/// <summary>A start that cannot succeed ends with a clear message and an exit code, not an unhandled exception (issue 9, item 11).</summary>
public sealed partial class StartupFailureProcessTests(ITestOutputHelper output)
{
    private static readonly string FakeBotToken = TestCredentials.New("bot-token");

    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Invalid_options_exit_78_naming_each_key_on_stderr_without_values_or_a_stack_trace()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["SKINBOT__Engine__LowConfidenceThreshold"] = "7",
            ["SKINBOT__Discord__ApiBaseUrl"] = "http://evil.example",
            ["SKINBOT__Discord__BotToken"] = FakeBotToken,
        };

        await using var host = HostProcess.Start(environment);
        var exit = await host.WaitForExitAsync(ExitDeadline);
        Report(host, exit);

        Assert.Equal(78, exit);
        Assert.Contains("skinbot: configuration error: Engine:LowConfidenceThreshold", host.Stderr, StringComparison.Ordinal);
        Assert.Contains("skinbot: configuration error: Discord:ApiBaseUrl", host.Stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), host.Stderr);
        Assert.DoesNotContain("evil.example", host.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBotToken, host.Stderr + host.Stdout, StringComparison.Ordinal);
        // The log says it too, at Critical, for operators who only read logs.
        Assert.Contains("crit: SkinBot.Host.Startup", host.Stdout, StringComparison.Ordinal);
        Assert.Contains("Configuration error: Engine:LowConfidenceThreshold", host.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_cannot_be_read_as_its_type_exits_78_naming_the_key_but_not_the_value()
    {
        const string Value = "not-a-number-but-maybe-a-secret";
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["SKINBOT__Engine__MaxConversations"] = Value,
        };

        await using var host = HostProcess.Start(environment);
        var exit = await host.WaitForExitAsync(ExitDeadline);
        Report(host, exit);

        Assert.Equal(78, exit);
        Assert.Contains("skinbot: configuration error: Engine:MaxConversations is not a valid Int32.", host.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Value, host.Stderr + host.Stdout, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), host.Stderr);
    }

    [Fact]
    public async Task A_port_already_in_use_exits_1_with_one_line_on_stderr()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        await using var host = HostProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });
        var exit = await host.WaitForExitAsync(ExitDeadline);
        Report(host, exit);

        Assert.Equal(1, exit);
        var line = Assert.Single(host.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("skinbot: could not start: ", line, StringComparison.Ordinal);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verb_with_an_invalid_option_exits_78_too()
    {
        await using var host = HostProcess.Start(new Dictionary<string, string> { ["SKINBOT__Engine__FollowUpWindow"] = "00:00:00" }, "index");
        var exit = await host.WaitForExitAsync(ExitDeadline);
        Report(host, exit);

        Assert.Equal(78, exit);
        Assert.Contains("skinbot: configuration error: Engine:FollowUpWindow", host.Stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), host.Stderr);
    }

    private void Report(HostProcess host, int? exit) =>
        output.WriteLine($"exit {exit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(still running)"}\nstdout:\n{host.Stdout}\nstderr:\n{host.Stderr}");

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
