using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace SkinBot.Host.Tests.Feedback;

/// <summary>
/// The PostgreSQL server the store tests use when <c>SKINBOT_TEST_POSTGRES</c> names none: a cluster of its own, made
/// once per test run from Debian's server binaries (<c>/usr/lib/postgresql/N/bin</c>, which the test command installs
/// like Chromium and redis-server), on a free 127.0.0.1 port, with a password made for this run and nothing kept:
/// the data lives in a temp folder that is deleted, with the server stopped, when the test process exits.
/// </summary>
internal static class ThrowawayPostgres
{
    public const string SkipVariable = "SKINBOT_SKIP_POSTGRES_SETUP";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(45);
    private static readonly Lazy<Task<string>> Started = new(StartAsync);

    /// <summary>Why a cluster cannot be made here, or null when it can (binaries present and a user initdb accepts).</summary>
    public static string? WhyNot
    {
        get
        {
            if (Environment.GetEnvironmentVariable(SkipVariable) == "1")
            {
                return $"{SkipVariable}=1";
            }

            if (BinFolder() is null)
            {
                return "PostgreSQL's server binaries are not installed (apt-get install -y postgresql)";
            }

            // initdb refuses to run as root; then the cluster runs as the postgres user the Debian package creates.
            return Environment.UserName == "root" && !File.Exists(RunUser) ? "running as root without runuser to drop to the postgres user" : null;
        }
    }

    public static Task<string> ConnectionStringAsync() => Started.Value;

    private const string RunUser = "/usr/sbin/runuser";
    private const string FolderPrefix = "skinbot-postgres-";

    private static string? BinFolder() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderBy(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .LastOrDefault()
            : null;

    private static async Task<string> StartAsync()
    {
        var bin = BinFolder() ?? throw new InvalidOperationException(WhyNot);
        SweepAbandoned();
        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        var cluster = Path.Combine(folder, "cluster");
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var passwordFile = Path.Combine(folder, "password");
        await File.WriteAllTextAsync(passwordFile, password);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", folder], asPostgres: false);
        }

        void Remove()
        {
            // "immediate" does not wait for clients; then the folder goes with the data. Best effort: this runs on the way out.
            try
            {
                RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", cluster, "stop", "-m", "immediate"], asRoot).Wait(TimeSpan.FromSeconds(10));
            }
            catch (Exception)
            {
                // Not started, or already gone.
            }

            DeleteFolder(folder);
        }

        var port = FreePort();
        try
        {
            await RunAsync(Path.Combine(bin, "initdb"), ["-D", cluster, "-U", "postgres", "--auth=scram-sha-256", "--pwfile", passwordFile, "-E", "UTF8", "--no-sync"], asRoot);
            File.Delete(passwordFile);
            await RunAsync(
                Path.Combine(bin, "pg_ctl"),
                ["-D", cluster, "-l", Path.Combine(folder, "server.log"), "-w", "-t", ((int)StartTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                 "-o", $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} -c fsync=off -c full_page_writes=off", "start"],
                asRoot);
        }
        catch (Exception exception)
        {
            var log = Path.Combine(folder, "server.log");
            var detail = File.Exists(log) ? await File.ReadAllTextAsync(log) : string.Empty;
            Remove();
            throw new InvalidOperationException("Could not start a throwaway PostgreSQL server: " + exception.Message + detail, exception);
        }

        StartJanitor(Path.Combine(bin, "pg_ctl"), cluster, folder, asRoot);
        return $"Host=127.0.0.1;Port={port};Database=postgres;Username=postgres;Password={password};Timeout=15";
    }

    /// <summary>
    /// Stops the server and deletes its folder once this test process has ended, however it ended: the test runner may
    /// end the process before exit handlers finish, so this is a small shell loop of its own that waits for it, cleans
    /// up within about a second and then ends too.
    /// </summary>
    private static void StartJanitor(string pgCtl, string cluster, string folder, bool asRoot)
    {
        const string Script = """
            exec >/dev/null 2>&1 </dev/null
            pid=$1 cluster=$2 folder=$3
            shift 3
            while kill -0 "$pid"; do sleep 1; done
            "$@" -D "$cluster" stop -m immediate
            rm -rf "$folder"
            """;
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        string[] stop = asRoot ? [RunUser, "-u", "postgres", "--", pgCtl] : [pgCtl];
        foreach (var argument in new[] { "-c", Script, "skinbot-postgres-janitor", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), cluster, folder }.Concat(stop))
        {
            info.ArgumentList.Add(argument);
        }

        using var janitor = Process.Start(info) ?? throw new InvalidOperationException("The PostgreSQL janitor did not start.");
    }

    /// <summary>
    /// Folders of runs that were killed before they could clean up: old, and with no server running in them (another
    /// test run on this machine may be starting one right now, so nothing recent is touched).
    /// </summary>
    private static void SweepAbandoned()
    {
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (Directory.GetLastWriteTimeUtc(stale) < DateTime.UtcNow - TimeSpan.FromHours(6)
                && !File.Exists(Path.Combine(stale, "cluster", "postmaster.pid")))
            {
                DeleteFolder(stale);
            }
        }
    }

    /// <summary>The server may still be removing its own files for a moment after "stopped", so a delete is retried.</summary>
    private static void DeleteFolder(string folder)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
                return;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                if (attempt == 5)
                {
                    Console.Error.WriteLine($"Could not delete the throwaway PostgreSQL folder {folder}: {exception.Message}");
                    return;
                }

                Thread.Sleep(200);
            }
        }
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres ? RunUser : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                info.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        using var timeout = new CancellationTokenSource(StartTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
