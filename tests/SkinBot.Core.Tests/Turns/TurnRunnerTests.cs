using System.Collections.Concurrent;
using System.Diagnostics;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Safety;
using SkinBot.Core.Turns;
using SkinBot.Testing;
using SkinBot.Testing.Fakes;

namespace SkinBot.Core.Tests.Turns;

/// <summary>The turn pipeline every door runs: the command read once, the middleware in order, the engine off the caller's thread.</summary>
public sealed class TurnRunnerTests
{
    /// <summary>Far longer than any step takes on a busy machine, far shorter than a hung test.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly FakeChatEngine _engine = new(Answer);

    [Fact]
    public async Task A_typed_command_is_read_before_the_engine_sees_the_message()
    {
        await RunAsync(Request("/scar box car"));

        var command = Assert.Single(_engine.Requests).Command;
        Assert.Equal(CommandNames.Scar, command?.Name);
        Assert.Equal(ScarTypeNames.Boxcar, command?.Option(CommandNames.ScarTypeOption));
    }

    [Fact]
    public async Task A_command_the_platform_gave_is_kept_as_it_is()
    {
        await RunAsync(Request("/scar boxcar") with { Command = ChatCommand.Of(CommandNames.Prevent) });

        Assert.Equal(CommandNames.Prevent, Assert.Single(_engine.Requests).Command?.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_message_asks_for_help(string text)
    {
        await RunAsync(Request(text));

        Assert.Equal(CommandNames.Help, Assert.Single(_engine.Requests).Command?.Name);
    }

    [Fact]
    public async Task An_ordinary_question_reaches_the_engine_as_text()
    {
        await RunAsync(Request("scars from acne keep me up at night"));

        var request = Assert.Single(_engine.Requests);
        Assert.Null(request.Command);
        Assert.Equal("scars from acne keep me up at night", request.Text);
    }

    [Fact]
    public async Task Ask_reaches_the_engine_as_its_question_whether_typed_or_given_as_a_command()
    {
        await RunAsync(Request("/ask what is subcision?"));
        await RunAsync(Request("what is TCA cross?") with { Command = ChatCommand.Of(CommandNames.Ask, (CommandNames.QuestionOption, "what is TCA cross?")) });

        Assert.All(_engine.Requests, r => Assert.Null(r.Command));
        // The typed form is read by the command parser, which drops the closing punctuation.
        Assert.Equal(["what is subcision", "what is TCA cross?"], _engine.Requests.Select(r => r.Text));
    }

    [Fact]
    public async Task The_middleware_runs_in_the_order_given_around_the_engine()
    {
        var steps = new ConcurrentQueue<string>();
        _engine.Respond = request =>
        {
            steps.Enqueue("engine");
            return Answer(request);
        };
        var runner = new TurnRunner([new Recording("outer", steps), new Recording("inner", steps)], _engine, TimeProvider.System);

        await runner.RunAsync(Request("what is subcision?"), TurnOptions.None, CancellationToken.None);

        Assert.Equal(["outer>", "inner>", "engine", "<inner", "<outer"], steps);
    }

    [Fact]
    public async Task A_middleware_may_answer_the_turn_itself_and_the_engine_is_never_asked()
    {
        var runner = new TurnRunner([new ScriptedLimits()], _engine, TimeProvider.System);

        var result = await runner.RunAsync(Request(ScriptedLimits.AlreadyToldMarker), TurnOptions.None, CancellationToken.None);

        Assert.True(Assert.IsType<TurnResult.RateLimited>(result).AlreadyTold);
        Assert.Empty(_engine.Requests);
    }

    [Fact]
    public async Task Before_the_articles_are_loaded_a_turn_is_not_ready_and_its_notice_says_where_help_is()
    {
        using var holder = new KnowledgeBaseHolder();
        var runner = new TurnRunner([], KnowledgeBases.Engine(holder), TimeProvider.System);

        var result = await runner.RunAsync(Request("what are boxcar scars?"), TurnOptions.None, CancellationToken.None);

        var notice = Assert.IsType<TurnResult.NotReady>(result).Notice;
        Assert.Equal("I'm still loading my articles", notice.Headline);
        Assert.Contains("again", notice.Message, StringComparison.OrdinalIgnoreCase);
        // Nothing screened the message while the articles load, so the reply fails closed: it says where help is.
        Assert.EndsWith(SafetyNet.Text, notice.Message, StringComparison.Ordinal);
        Assert.False(notice.IsSubstantive);
        Assert.True(notice.LowConfidence);
    }

    [Fact]
    public async Task The_engine_works_off_the_callers_thread()
    {
        using var release = new ManualResetEventSlim();
        _engine.Block = (_, _) => release.Wait(Patience);

        var running = RunAsync(Request("what is subcision?"));
        var returnedWhileTheEngineWorked = !running.IsCompleted;
        release.Set();

        Assert.True(returnedWhileTheEngineWorked);
        Assert.IsType<TurnResult.Answered>(await running);
    }

    [Fact]
    public async Task A_fast_answer_never_calls_the_slow_callback()
    {
        var called = false;

        var result = await RunAsync(Request("what is subcision?"), TurnOptions.WhenSlow(TimeSpan.FromMinutes(1), _ =>
        {
            called = true;
            return Task.CompletedTask;
        }));

        Assert.IsType<TurnResult.Answered>(result);
        Assert.False(called);
    }

    [Fact]
    public async Task A_slow_answer_calls_the_slow_callback_once_and_waits_for_it_before_returning()
    {
        _engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = TurnOptions.WhenSlow(TimeSpan.FromMilliseconds(50), _ =>
        {
            Interlocked.Increment(ref calls);
            slowStarted.TrySetResult();
            return slowDone.Task;
        });

        var running = RunAsync(Request("what is subcision?"), options);
        await slowStarted.Task.WaitAsync(Patience);
        _engine.Gate.SetResult();
        await Task.Delay(100);
        var returnedBeforeTheCallbackFinished = running.IsCompleted;
        slowDone.SetResult();

        Assert.IsType<TurnResult.Answered>(await running);
        Assert.False(returnedBeforeTheCallbackFinished);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task An_engine_that_holds_its_thread_still_gets_the_slow_callback_on_time()
    {
        using var release = new ManualResetEventSlim();
        _engine.Block = (_, _) => release.Wait(Patience);
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();

        var running = RunAsync(Request("what is subcision?"), TurnOptions.WhenSlow(TimeSpan.FromMilliseconds(50), _ =>
        {
            slow.TrySetResult();
            return Task.CompletedTask;
        }));
        await slow.Task.WaitAsync(Patience);
        var calledAfter = clock.Elapsed;
        var engineStillHeld = !release.IsSet;
        release.Set();
        await running;

        Assert.True(engineStillHeld);
        Assert.True(calledAfter < Patience, $"called after {calledAfter}");
    }

    [Fact]
    public async Task Past_the_deadline_the_turn_times_out_and_the_engine_is_told_to_stop()
    {
        var engineToken = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        _engine.Hold = (_, cancellationToken) =>
        {
            engineToken.TrySetResult(cancellationToken);
            return Task.Delay(Timeout.Infinite, cancellationToken);
        };

        await Assert.ThrowsAsync<TimeoutException>(async () => await RunAsync(Request("what is subcision?"), TurnOptions.Within(TimeSpan.FromMilliseconds(100))));

        Assert.True((await engineToken.Task.WaitAsync(Patience)).IsCancellationRequested);
    }

    [Fact]
    public async Task An_engine_that_ignores_its_token_and_holds_its_thread_cannot_hold_the_turn_past_its_deadline()
    {
        using var release = new ManualResetEventSlim();
        _engine.Block = (_, _) => release.Wait(Patience);
        var clock = Stopwatch.StartNew();
        try
        {
            await Assert.ThrowsAsync<TimeoutException>(async () => await RunAsync(Request("what is subcision?"), TurnOptions.Within(TimeSpan.FromMilliseconds(100))));

            Assert.False(release.IsSet);
            Assert.True(clock.Elapsed < Patience, $"took {clock.Elapsed}");
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task Cancelling_a_turn_stops_waiting_even_for_an_engine_that_ignores_its_token()
    {
        using var release = new ManualResetEventSlim();
        _engine.Block = (_, _) => release.Wait(Patience);
        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
                await new TurnRunner([], _engine, TimeProvider.System).RunAsync(Request("what is subcision?"), TurnOptions.None, shutdown.Token));

            Assert.False(release.IsSet);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task An_engine_failure_reaches_the_door_that_ran_the_turn()
    {
        _engine.Respond = _ => throw new InvalidOperationException("index exploded");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () => await RunAsync(Request("what is subcision?")));

        Assert.Equal("index exploded", failure.Message);
    }

    [Fact]
    public async Task A_failing_slow_answer_still_waits_for_the_slow_callback_before_the_failure_is_reported()
    {
        _engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _engine.Respond = _ => throw new InvalidOperationException("index exploded");
        var slowDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var running = RunAsync(Request("what is subcision?"), TurnOptions.WhenSlow(TimeSpan.FromMilliseconds(50), _ =>
        {
            slowStarted.TrySetResult();
            return slowDone.Task;
        })).AsTask();
        await slowStarted.Task.WaitAsync(Patience);
        _engine.Gate.SetResult();
        await Task.Delay(100);
        var reportedBeforeTheCallbackFinished = running.IsCompleted;
        slowDone.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => running);
        Assert.False(reportedBeforeTheCallbackFinished);
    }

    private static ChatRequest Request(string text) => new(Platforms.Discord, "c", "u", text) { ChannelId = "c" };

    private static Answer Answer(ChatRequest request) => new()
    {
        Intent = "definition",
        Confidence = 0.9,
        Headline = request.Text,
        CorpusVersion = "test",
    };

    private ValueTask<TurnResult> RunAsync(ChatRequest request, TurnOptions options = default) =>
        new TurnRunner([], _engine, TimeProvider.System).RunAsync(request, options, CancellationToken.None);

    private sealed class Recording(string name, ConcurrentQueue<string> steps) : ITurnMiddleware
    {
        public async ValueTask<TurnResult> OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
        {
            steps.Enqueue(name + ">");
            var result = await next(turn, cancellationToken);
            steps.Enqueue("<" + name);
            return result;
        }
    }
}
