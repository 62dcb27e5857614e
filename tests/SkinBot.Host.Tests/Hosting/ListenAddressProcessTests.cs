using System.Globalization;

namespace SkinBot.Host.Tests.Hosting;

/// <summary>The platform's listen settings reach a real <c>skinbot</c> process (issue 9, item 8).</summary>
public sealed class ListenAddressProcessTests
{
    [Theory]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:{0}")]
    [InlineData("DOTNET_URLS", "http://127.0.0.1:{0}")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "{0}")]
    public async Task The_host_listens_where_the_standard_variable_says(string variable, string format)
    {
        var port = HostProcess.FreePort();
        var environment = new Dictionary<string, string> { [variable] = string.Format(CultureInfo.InvariantCulture, format, port) };

        await using var host = HostProcess.Start(environment);

        Assert.True(
            await host.AnswersAsync(new Uri($"http://127.0.0.1:{port}/healthz")),
            $"no /healthz on port {port}\nstdout:\n{host.Stdout}\nstderr:\n{host.Stderr}");
    }
}
