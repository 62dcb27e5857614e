using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SkinBot.Discord.Tests.Fakes;

namespace SkinBot.Benchmarks;

/// <summary>
/// <c>--gateway HOST.dll [seconds] [--Key=value ...]</c>: one gateway pod's capacity. A fake Discord on 127.0.0.1 sends
/// mentions over the gateway WebSocket to a real host process (<c>Host:Role=gateway</c>, the real corpus) and times each
/// one from dispatch to the reply's POST arriving. Prints the peak with many messages in flight, the latency at 80 % of
/// that peak, the pod's CPU per answer and memory, and the ratio to the ceiling that binds a real bot first: Discord's
/// 50 requests per second for the whole bot, which the host enforces on itself (at most 50 is allowed), so the CPU per
/// answer says how much of a core the pod needs at that ceiling.
/// </summary>
public static class GatewayLoadCommand
{
    private const int Port = 5198;
    private const int InFlight = 32;
    private const int Channels = 64;
    private const double DiscordGlobalLimit = 50;

    private static readonly string[] Questions =
    [
        "what are boxcar scars?", "how do I get rid of ice pick scars", "does microneedling help pitted scars?",
        "can retinol fix acne scars", "what is subcision?", "how can I prevent acne scars?",
    ];

    public static async Task RunAsync(string hostDll, int seconds, IReadOnlyList<string> hostSettings)
    {
        await using var discord = await FakeDiscord.StartAsync();
        var replies = new Replies();
        discord.Rest.Recorded += replies.OnCall;
        using var host = HostUnderTest.Start(hostDll, Port,
        [
            .. hostSettings,
            "--Host:Role=gateway",
            "--Discord:BotToken=load-test-token",
            $"--Discord:ApplicationId={FakeGateway.ApplicationId}",
            $"--Discord:ApiBaseUrl={discord.ApiBaseUrl}",
            "--Discord:TypingIndicatorDelay=00:00:30",
        ]);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/") };
        try
        {
            await HostUnderTest.WaitUntilReadyAsync(client, host);
            var gateway = discord.Gateway;
            await ClosedLoopAsync(gateway, replies, TimeSpan.FromSeconds(3));
            var cpuBefore = HostUnderTest.CpuTime(host);
            var peak = await ClosedLoopAsync(gateway, replies, TimeSpan.FromSeconds(seconds));
            var cpuPerAnswer = (HostUnderTest.CpuTime(host) - cpuBefore).TotalMilliseconds / peak.Count;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peak ({InFlight} in flight): {peak}; {peak.Rate / DiscordGlobalLimit:P0} of Discord's {DiscordGlobalLimit} requests/s for the whole bot; {cpuPerAnswer:0.00} ms CPU per answer, so {cpuPerAnswer * DiscordGlobalLimit / 1000:0.00} core at that ceiling"));
            var load = await OpenLoopAsync(gateway, replies, peak.Rate * 0.8, TimeSpan.FromSeconds(seconds));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"at 80 % of peak ({peak.Rate * 0.8:N0} /s offered): {load}"));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resident memory after the run: {HostUnderTest.ResidentMiB(host):N0} MiB"));
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    /// <summary>Keeps <see cref="InFlight"/> mentions outstanding: a new one goes out as each reply arrives.</summary>
    private static async Task<Sample> ClosedLoopAsync(FakeGateway gateway, Replies replies, TimeSpan duration)
    {
        var sample = new Sample();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        async Task WorkerAsync()
        {
            while (clock.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref sent);
                var started = clock.Elapsed;
                await replies.AwaitAsync(Send(gateway, n));
                sample.Add(clock.Elapsed - started);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => WorkerAsync()));
        sample.Elapsed = clock.Elapsed;
        return sample;
    }

    /// <summary>Sends at a fixed rate whatever the answers do, timing each from when it was due.</summary>
    private static async Task<Sample> OpenLoopAsync(FakeGateway gateway, Replies replies, double rate, TimeSpan duration)
    {
        var sample = new Sample();
        var clock = Stopwatch.StartNew();
        var waiting = new List<Task>();
        for (var n = 0; ; n++)
        {
            var due = TimeSpan.FromSeconds(n / rate);
            if (due >= duration)
            {
                break;
            }

            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var reply = replies.AwaitAsync(Send(gateway, 1_000_000 + n));
            waiting.Add(reply.ContinueWith(_ => sample.Add(clock.Elapsed - due), TaskScheduler.Default));
        }

        await Task.WhenAll(waiting);
        sample.Elapsed = duration;
        return sample;
    }

    private static string Send(FakeGateway gateway, int n)
    {
        var id = Payloads.NewId();
        var channel = (810000000000000000 + (n % Channels)).ToString(CultureInfo.InvariantCulture);
        gateway.Dispatch("MESSAGE_CREATE", Payloads.Message(
            id, $"<@{FakeGateway.BotUserId}> {Questions[n % Questions.Length]}", channel, Payloads.GuildId, Payloads.UserId, false, [FakeGateway.BotUserId], null, null, null));
        return id;
    }

    /// <summary>Completes a waiter when the reply to its message is posted.</summary>
    private sealed class Replies
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();

        public Task AwaitAsync(string messageId) =>
            _waiting.GetOrAdd(messageId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public void OnCall(RecordedCall call)
        {
            if (call.Method == "POST" && call.Body is { } body && body.TryGetProperty("message_reference", out var reference)
                && reference.TryGetProperty("message_id", out var id) && id.GetString() is { } messageId)
            {
                _waiting.GetOrAdd(messageId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
    }

    private sealed class Sample
    {
        private readonly List<double> _milliseconds = [];

        public TimeSpan Elapsed { get; set; }

        public int Count
        {
            get
            {
                lock (_milliseconds)
                {
                    return _milliseconds.Count;
                }
            }
        }

        public double Rate => Count / Elapsed.TotalSeconds;

        public void Add(TimeSpan latency)
        {
            lock (_milliseconds)
            {
                _milliseconds.Add(latency.TotalMilliseconds);
            }
        }

        public override string ToString()
        {
            double[] sorted;
            lock (_milliseconds)
            {
                sorted = [.. _milliseconds.Order()];
            }

            double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
            return string.Create(CultureInfo.InvariantCulture, $"{sorted.Length:N0} answers at {Rate:N0} /s; p50 {At(0.50):0.0} ms, p99 {At(0.99):0.0} ms, max {At(1):0.0} ms");
        }
    }
}
