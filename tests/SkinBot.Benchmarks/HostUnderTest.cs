using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace SkinBot.Benchmarks;

/// <summary>A real host process for the load commands: the given skinbot.dll with the real corpus, limits out of the way.</summary>
internal static class HostUnderTest
{
    public static Process Start(string hostDll, int port, IReadOnlyList<string> extraSettings)
    {
        string[] settings =
        [
            .. extraSettings,
            $"--urls=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--Engine:InMemoryIndex=true",
            "--Engine:WatchCorpus=false",
            "--Limits:PerUserPermitsPerMinute=100000",
            "--Limits:PerChannelPermitsPerMinute=100000",
        ];

        // Its log goes where the shipped configuration sends it, the console, and from there nowhere: the cost of
        // writing it is part of what is measured, reading it is not.
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", $"exec dotnet \"{Path.GetFullPath(hostDll)}\" {string.Join(' ', settings)} > /dev/null 2>&1" },
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start " + hostDll);
    }

    public static async Task WaitUntilReadyAsync(HttpClient client, Process host)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {host.ExitCode} before it was ready.");
            }

            try
            {
                using var ready = await client.GetAsync("readyz");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The host was not ready within 2 minutes.");
    }

    /// <summary>Resident memory of the process (Linux), in MiB.</summary>
    public static double ResidentMiB(Process host)
    {
        var line = File.ReadLines($"/proc/{host.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>CPU time the process has used (user + system), from /proc (Linux).</summary>
    public static TimeSpan CpuTime(Process host)
    {
        host.Refresh();
        return host.TotalProcessorTime;
    }
}
