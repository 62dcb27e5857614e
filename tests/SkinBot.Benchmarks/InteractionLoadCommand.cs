using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;

namespace SkinBot.Benchmarks;

/// <summary>
/// <c>--interactions HOST.dll [seconds] [--Key=value ...]</c>: Discord <c>/ask</c> interactions over HTTP against a real host process (the
/// published or built <c>skinbot.dll</c>, started here with a fresh Ed25519 key, the real corpus and limits out of the
/// way), every request signed as Discord signs it. Prints the machine's Ed25519-verify ceiling, the peak rate with many
/// requests in flight, and the latency at 80 % of that peak, measured from when each request was due (so a stalled
/// server cannot hide its queue). Requests are signed before the clock starts: the client's signing is not measured.
/// Settings after the seconds go to the host (e.g. <c>--Logging:LogLevel:Default=Warning</c> to see what logging costs).
/// </summary>
public static class InteractionLoadCommand
{
    private const int Port = 5197;
    private const int PeakConcurrency = 32;

    private static readonly string[] Questions =
    [
        "what are boxcar scars?", "how do I get rid of ice pick scars", "does microneedling help pitted scars?",
        "can retinol fix acne scars", "what is subcision?", "how can I prevent acne scars?",
    ];

    public static async Task RunAsync(string hostDll, int seconds, IReadOnlyList<string> hostSettings)
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var publicKey = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        var ceiling = VerifyCeiling(key);
        Console.Error.WriteLine($"Ed25519 verify ceiling ({Environment.ProcessorCount} cores): {ceiling:N0} /s");

        using var host = HostUnderTest.Start(hostDll, Port, [.. hostSettings, $"--Discord:PublicKey={publicKey}"]);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = PeakConcurrency * 4 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{Port}/"),
        };
        try
        {
            await HostUnderTest.WaitUntilReadyAsync(client, host);
            var ids = new Cursor();

            // Warm-up: tiered JIT, connection pool, engine caches.
            await ClosedLoopAsync(client, Sign(key, ids, (int)(ceiling * 0.5 * 3)), TimeSpan.FromSeconds(3));
            var peak = await ClosedLoopAsync(client, Sign(key, ids, (int)(ceiling * 0.5 * seconds)), TimeSpan.FromSeconds(seconds));
            Console.Error.WriteLine($"peak ({PeakConcurrency} in flight): {peak.Rate:N0} /s = {peak.Rate / ceiling:P1} of the ceiling; {peak}");

            var load = await OpenLoopAsync(client, Sign(key, ids, (int)(peak.Rate * 0.8 * seconds * 1.1) + 100), peak.Rate * 0.8, TimeSpan.FromSeconds(seconds));
            Console.Error.WriteLine($"at 80 % of peak ({peak.Rate * 0.8:N0} /s offered): {load}");
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    private static double VerifyCeiling(Key key)
    {
        var message = Encoding.UTF8.GetBytes("1767225600" + Body(1, 0));
        var signature = SignatureAlgorithm.Ed25519.Sign(key, message);
        var clock = Stopwatch.StartNew();
        long verified = 0;
        Parallel.For(0, Environment.ProcessorCount, _ =>
        {
            var local = 0L;
            while (clock.Elapsed < TimeSpan.FromSeconds(2))
            {
                SignatureAlgorithm.Ed25519.Verify(key.PublicKey, message, signature);
                local++;
            }

            Interlocked.Add(ref verified, local);
        });
        return verified / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Signs <paramref name="count"/> interactions with ids never used before (the host refuses a replay).</summary>
    private static SignedRequest[] Sign(Key key, Cursor ids, int count)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var first = ids.Value;
        ids.Value += count;
        var requests = new SignedRequest[count];
        Parallel.For(0, count, n =>
        {
            var i = first + n;
            var body = Encoding.UTF8.GetBytes(Body(1_300_000_000_000_000_000 + i, i));
            var signature = SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]);
            requests[n] = new SignedRequest(body, Convert.ToHexStringLower(signature), timestamp);
        });
        return requests;
    }

    /// <summary>A guild <c>/ask</c>, from one of a few hundred users in a few channels, as Discord sends it.</summary>
    private static string Body(long id, int i) => JsonSerializer.Serialize(new
    {
        type = 2,
        id = id.ToString(CultureInfo.InvariantCulture),
        application_id = "900000000000000001",
        token = "load-" + id.ToString(CultureInfo.InvariantCulture),
        version = 1,
        guild_id = "700000000000000001",
        channel_id = (800000000000000001 + (i % 8)).ToString(CultureInfo.InvariantCulture),
        member = new { user = new { id = (600000000000000001 + (i % 500)).ToString(CultureInfo.InvariantCulture), username = "load" } },
        data = new { id = "1", name = "ask", type = 1, options = new[] { new { name = "question", type = 3, value = Questions[i % Questions.Length] } } },
    });

    private static async Task<Sample> ClosedLoopAsync(HttpClient client, SignedRequest[] requests, TimeSpan duration)
    {
        var sample = new Sample();
        var clock = Stopwatch.StartNew();
        var cursor = new Cursor();
        var workers = Enumerable.Range(0, PeakConcurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var i = Interlocked.Increment(ref cursor.Value) - 1;
                if (i >= requests.Length)
                {
                    return;
                }

                var sent = Stopwatch.GetTimestamp();
                var ok = await SendAsync(client, requests[i]);
                sample.Add(Stopwatch.GetElapsedTime(sent), ok);
            }
        }));
        await Task.WhenAll(workers);
        sample.Elapsed = clock.Elapsed;
        if (cursor.Value >= requests.Length)
        {
            throw new InvalidOperationException($"Ran out of signed requests after {requests.Length}; sign more.");
        }

        return sample;
    }

    private static async Task<Sample> OpenLoopAsync(HttpClient client, SignedRequest[] requests, double rate, TimeSpan duration)
    {
        var next = 0;
        var sample = new Sample();
        var pending = new List<Task>();
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1 / rate);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        var sentCount = 0;
        while (clock.Elapsed < duration)
        {
            // Everything due by now goes out now; its latency counts from when it was due.
            while (interval * sentCount <= clock.Elapsed && next < requests.Length)
            {
                var due = interval * sentCount++;
                var request = requests[next++];
                pending.Add(Task.Run(async () =>
                {
                    var ok = await SendAsync(client, request);
                    sample.Add(clock.Elapsed - due, ok);
                }));
            }

            await tick.WaitForNextTickAsync();
        }

        await Task.WhenAll(pending);
        sample.Elapsed = clock.Elapsed;
        return sample;
    }

    private static async Task<bool> SendAsync(HttpClient client, SignedRequest request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "discord/interactions") { Content = new ByteArrayContent(request.Body) };
        message.Content.Headers.ContentType = new("application/json");
        message.Headers.Add("X-Signature-Ed25519", request.Signature);
        message.Headers.Add("X-Signature-Timestamp", request.Timestamp);
        try
        {
            using var response = await client.SendAsync(message);
            var body = await response.Content.ReadAsByteArrayAsync();

            // Type 4: answered in the response itself, not deferred, not an apology.
            return response.StatusCode == HttpStatusCode.OK && body.AsSpan().IndexOf("\"type\":4"u8) >= 0 && body.AsSpan().IndexOf("\"embeds\""u8) >= 0;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private sealed record SignedRequest(byte[] Body, string Signature, string Timestamp);

    private sealed class Cursor
    {
        public int Value;
    }

    private sealed class Sample
    {
        private readonly List<double> _milliseconds = [];
        private int _failures;

        public TimeSpan Elapsed { get; set; }

        public double Rate => _milliseconds.Count / Elapsed.TotalSeconds;

        public void Add(TimeSpan latency, bool ok)
        {
            lock (_milliseconds)
            {
                _milliseconds.Add(latency.TotalMilliseconds);
                if (!ok)
                {
                    _failures++;
                }
            }
        }

        public override string ToString()
        {
            var sorted = _milliseconds.Order().ToArray();
            double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{sorted.Length:N0} requests at {Rate:N0} /s, {_failures} not answered in the response; p50 {At(0.50):0.0} ms, p90 {At(0.90):0.0} ms, p99 {At(0.99):0.0} ms, max {At(1):0.0} ms");
        }
    }
}
