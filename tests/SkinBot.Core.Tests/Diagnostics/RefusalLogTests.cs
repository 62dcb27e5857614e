using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SkinBot.Core.Diagnostics;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Diagnostics;

public sealed class RefusalLogTests : IDisposable
{
    private static readonly RefusalReason BadSignature = new("bad_signature");
    private static readonly RefusalReason TooLarge = new("body_too_large");

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly LogCapture _logs = new();
    private readonly RefusalLog _refusals;

    public RefusalLogTests()
    {
        _refusals = new RefusalLog(_logs.CreateLogger("Test"), LogLevel.Warning, "Discord interaction request", _time, TimeSpan.FromSeconds(10));
    }

    public void Dispose()
    {
        _refusals.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public void A_burst_of_refusals_logs_the_first_at_once_and_the_rest_as_one_line_with_their_count()
    {
        for (var i = 0; i < 1234; i++)
        {
            _refusals.Refused(BadSignature);
        }

        var first = Assert.Single(_logs.Entries);
        Assert.Equal(LogLevel.Warning, first.Level);
        Assert.Equal("bad_signature", first.Values["Reason"]);

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _logs.Entries.Count);
        var summary = _logs.Entries[1];
        Assert.Equal(LogLevel.Warning, summary.Level);
        Assert.Equal(1233L, summary.Values["Count"]);
        Assert.Equal("bad_signature", summary.Values["Reason"]);
        Assert.Equal("Discord interaction request refused 1233 more times in the last 10 s: bad_signature", summary.Message);
    }

    [Fact]
    public void A_flood_that_lasts_a_minute_writes_one_line_per_interval_not_one_per_request()
    {
        for (var second = 0; second < 60; second++)
        {
            for (var i = 0; i < 1000; i++)
            {
                _refusals.Refused(BadSignature);
            }

            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // 60,000 refusals: the first at once, then one summary every 10 s.
        Assert.Equal(7, _logs.Entries.Count);
        Assert.Equal(59_999L, _logs.Entries.Skip(1).Sum(e => (long)e.Values["Count"]!));
    }

    [Fact]
    public void Each_reason_is_summarised_on_its_own_line()
    {
        _refusals.Refused(BadSignature);
        _refusals.Refused(BadSignature);
        _refusals.Refused(TooLarge);
        _refusals.Refused(TooLarge);
        _refusals.Refused(TooLarge);

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(4, _logs.Entries.Count);
        Assert.Contains(_logs.Entries, e => Equals(e.Values.GetValueOrDefault("Count"), 1L) && Equals(e.Values["Reason"], "bad_signature"));
        Assert.Contains(_logs.Entries, e => Equals(e.Values.GetValueOrDefault("Count"), 2L) && Equals(e.Values["Reason"], "body_too_large"));
    }

    [Fact]
    public void A_single_refusal_writes_one_line_and_no_empty_summary()
    {
        _refusals.Refused(BadSignature);

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Single(_logs.Entries);
    }

    [Fact]
    public void A_reason_quiet_for_a_whole_interval_is_logged_at_once_again()
    {
        _refusals.Refused(BadSignature);
        _time.Advance(TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(10));

        _refusals.Refused(BadSignature);

        Assert.Equal(2, _logs.Entries.Count);
        Assert.All(_logs.Entries, e => Assert.False(e.Values.ContainsKey("Count")));
    }

    [Fact]
    public void Disposing_writes_the_refusals_still_counted()
    {
        _refusals.Refused(BadSignature);
        _refusals.Refused(BadSignature);
        _refusals.Refused(BadSignature);

        _refusals.Dispose();
        _refusals.Refused(BadSignature);

        Assert.Equal(2, _logs.Entries.Count);
        Assert.Equal(2L, _logs.Entries[1].Values["Count"]);
    }

    [Fact]
    public void Past_the_reason_cap_new_reasons_are_counted_as_other()
    {
        for (var i = 0; i < RefusalLog.MaxReasons + 5; i++)
        {
            _refusals.Refused(new RefusalReason($"reason_{i}"));
        }

        Assert.Equal(RefusalLog.MaxReasons + 1, _logs.Entries.Count);
        Assert.Equal("other", _logs.Entries[^1].Values["Reason"]);
    }

    [Fact]
    public void Nothing_is_counted_when_the_level_is_off()
    {
        var logger = new NoLevelLogger();
        using var quiet = new RefusalLog(logger, LogLevel.Warning, "Chat message", _time);

        quiet.Refused(BadSignature);
        quiet.Refused(BadSignature);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, logger.Calls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bad Signature")]
    [InlineData("<script>")]
    public void A_reason_code_is_a_short_lowercase_word(string code)
    {
        Assert.ThrowsAny<ArgumentException>(() => new RefusalReason(code));
    }

    private sealed class NoLevelLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public int Calls { get; private set; }

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Calls++;
    }
}
