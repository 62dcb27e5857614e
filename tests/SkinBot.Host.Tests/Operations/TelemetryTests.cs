using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using SkinBot.Core.Chat;
using SkinBot.Core.Turns;
using SkinBot.Host.Operations;
using SkinBot.Testing.Fakes;

namespace SkinBot.Host.Tests.Operations;

[Collection(TracingCollection.Name)]
public sealed class TelemetryTests
{
    private const string PrivateQuestion = "my ice pick scars from cystic acne make me cry";

    [Fact]
    public async Task Each_turn_is_logged_once_with_its_correlation_id_and_platform_but_the_text_only_at_debug()
    {
        var sink = new CapturingLoggerProvider();
        using var provider = Turns(logging => logging.AddProvider(sink).SetMinimumLevel(LogLevel.Debug));
        var request = new ChatRequest(Platforms.Discord, "c1", "u1", PrivateQuestion) { ChannelId = "c1" };

        await provider.GetRequiredService<ITurnRunner>().RunAsync(request, TurnOptions.None, CancellationToken.None);

        var answered = Assert.Single(sink.Entries, e => e.Level >= LogLevel.Information);
        Assert.StartsWith("Answered scar_type", answered.Message, StringComparison.Ordinal);
        Assert.Equal(request.CorrelationId, answered.Scope["CorrelationId"]);
        Assert.Equal(Platforms.Discord, answered.Scope["Platform"]);
        Assert.Equal("scar_type", answered.Properties["Intent"]);
        Assert.Equal("answered", answered.Properties["Outcome"]);
        Assert.Equal("test-corpus-1", answered.Properties["CorpusVersion"]);
        Assert.All(
            sink.Entries.Where(e => e.Message.Contains(PrivateQuestion, StringComparison.Ordinal)),
            e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.Contains(sink.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains(PrivateQuestion, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_turn_is_traced_as_a_span_of_the_SkinBot_source_with_platform_outcome_intent_and_correlation_id()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SkinBotTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var provider = Turns(_ => { });
        var request = new ChatRequest(Platforms.Teams, "c9", "u9", "what are boxcar scars?") { ChannelId = "c9" };

        await provider.GetRequiredService<ITurnRunner>().RunAsync(request, TurnOptions.None, CancellationToken.None);

        var span = Assert.Single(spans, s => (string?)s.GetTagItem("skinbot.correlation_id") == request.CorrelationId);
        Assert.Equal("skinbot.engine.answer", span.OperationName);
        Assert.Equal(Platforms.Teams, span.GetTagItem("skinbot.platform"));
        Assert.Equal("answered", span.GetTagItem("skinbot.outcome"));
        Assert.Equal("scar_type", span.GetTagItem("skinbot.intent"));
    }

    [Fact]
    public async Task A_message_the_limits_refuse_is_traced_with_its_outcome_and_logged_only_as_a_refusal()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SkinBotTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var sink = new CapturingLoggerProvider();
        using var provider = Turns(logging => logging.AddProvider(sink).SetMinimumLevel(LogLevel.Information), new() { ["Limits:MaxMessageLength"] = "10" });
        var request = new ChatRequest(Platforms.Web, "c3", "u3", "what are boxcar scars?") { ChannelId = "web" };

        await provider.GetRequiredService<ITurnRunner>().RunAsync(request, TurnOptions.None, CancellationToken.None);

        var span = Assert.Single(spans, s => (string?)s.GetTagItem("skinbot.correlation_id") == request.CorrelationId);
        Assert.Equal("too_long", span.GetTagItem("skinbot.outcome"));
        var line = Assert.Single(sink.Entries);
        Assert.StartsWith("Chat message refused", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_otlp_endpoint_no_traces_are_exported()
    {
        using var provider = Turns(_ => { });

        Assert.Null(provider.GetService<TracerProvider>());
    }

    [Theory]
    [InlineData("Telemetry:OtlpEndpoint")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public void With_an_otlp_endpoint_traces_of_the_SkinBot_source_are_exported(string key)
    {
        using var provider = Turns(_ => { }, new() { [key] = "http://127.0.0.1:4317" });

        Assert.NotNull(provider.GetService<TracerProvider>());
    }

    private static ServiceProvider Turns(Action<ILoggingBuilder> logging, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging);
        services.AddSingleton<IChatEngine>(new FakeChatEngine(HostAnswers.Substantive));
        services.AddSkinBotTurns(configuration);
        services.AddSkinBotOperations(configuration);
        return services.BuildServiceProvider();
    }

    private sealed record LogEntry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties, IReadOnlyDictionary<string, object?> Scope);

    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var properties = new Dictionary<string, object?>();
                if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        properties[key] = value;
                    }
                }

                var scope = new Dictionary<string, object?>();
                owner._scopes.ForEachScope(
                    (item, target) =>
                    {
                        if (item is IEnumerable<KeyValuePair<string, object?>> values)
                        {
                            foreach (var (key, value) in values)
                            {
                                target[key] = value;
                            }
                        }
                    },
                    scope);
                owner.Entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), properties, scope));
            }
        }
    }
}
