using SkinBot.Discord.Interactions;

namespace SkinBot.Discord.Tests;

public sealed class AnsweredInteractionsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_copy_that_arrives_while_the_first_is_answered_waits_for_that_response()
    {
        var answered = new AnsweredInteractions();
        answered.Begin(new Snowflake(1));

        var copy = answered.ResponseToAsync(new Snowflake(1), Wait, CancellationToken.None);
        Assert.False(copy.IsCompleted);
        answered.Sent(new Snowflake(1), "{\"type\":4}"u8.ToArray());

        Assert.Equal("{\"type\":4}"u8.ToArray(), await copy);
    }

    [Fact]
    public async Task Nothing_is_repeated_for_an_unknown_interaction_or_one_whose_first_copy_failed()
    {
        var answered = new AnsweredInteractions();
        answered.Begin(new Snowflake(2));
        answered.Failed(new Snowflake(2));

        Assert.Null(await answered.ResponseToAsync(new Snowflake(2), Wait, CancellationToken.None));
        Assert.Null(await answered.ResponseToAsync(new Snowflake(3), Wait, CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_latest_responses_are_held()
    {
        var answered = new AnsweredInteractions(capacity: 2);
        for (ulong id = 1; id <= 3; id++)
        {
            answered.Begin(new Snowflake(id));
            answered.Sent(new Snowflake(id), [(byte)id]);
        }

        Assert.Null(await answered.ResponseToAsync(new Snowflake(1), Wait, CancellationToken.None));
        Assert.Equal([2], await answered.ResponseToAsync(new Snowflake(2), Wait, CancellationToken.None));
        Assert.Equal([3], await answered.ResponseToAsync(new Snowflake(3), Wait, CancellationToken.None));
    }

    [Fact]
    public async Task A_first_copy_that_never_answers_leaves_the_copy_refused_after_the_wait()
    {
        var answered = new AnsweredInteractions();
        answered.Begin(new Snowflake(4));

        Assert.Null(await answered.ResponseToAsync(new Snowflake(4), TimeSpan.FromMilliseconds(20), CancellationToken.None));
    }
}
