using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkinBot.Core.Conversations;
using SkinBot.Core.Engine;
using SkinBot.Host.Feedback;
using SkinBot.Host.Tests.Operations;
using SkinBot.Testing.Fakes;

namespace SkinBot.Host.Tests.Feedback;

/// <summary>The web chat with feedback turned on, over the given settings, and the engine answering every question.</summary>
internal static class FeedbackTestApp
{
    public static async Task<TestApp> StartAsync(FakeChatEngine engine, IDictionary<string, string?> feedback, string contentRoot)
    {
        var settings = new Dictionary<string, string?>(feedback)
        {
            ["Limits:PerUserPermitsPerMinute"] = "1000",
            ["Limits:PerChannelPermitsPerMinute"] = "1000",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return await TestApp.StartAsync(
            engine,
            settings,
            services =>
            {
                services.AddSingleton<IConversationStore, InMemoryConversationStore>();
                services.AddSkinBotFeedback(configuration, contentRoot);
            },
            mapEndpoints: app => app.MapSkinBotFeedback());
    }

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}

/// <summary>Counts what the feedback meter reports while it is alive.</summary>
internal sealed class FeedbackMeterListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _dropped;
    private long _votes;

    public FeedbackMeterListener()
    {
        _listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Name is "skinbot.feedback.writes.dropped" or "skinbot.feedback.votes")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "skinbot.feedback.votes")
            {
                Interlocked.Add(ref _votes, value);
            }
            else
            {
                Interlocked.Add(ref _dropped, value);
            }
        });
        _listener.Start();
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Votes => Interlocked.Read(ref _votes);

    public void Dispose() => _listener.Dispose();
}
