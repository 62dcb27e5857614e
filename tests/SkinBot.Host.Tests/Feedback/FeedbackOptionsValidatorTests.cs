using SkinBot.Host.Feedback;

namespace SkinBot.Host.Tests.Feedback;

public sealed class FeedbackOptionsValidatorTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.250")]
    [InlineData("00:00:10")]
    public void A_batch_delay_from_none_to_ten_seconds_is_accepted(string delay)
    {
        var result = new FeedbackOptionsValidator().Validate(null, new FeedbackOptions { BatchDelay = TimeSpan.Parse(delay, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:00:11")]
    public void A_negative_batch_delay_or_one_that_holds_answers_too_long_is_refused_by_name(string delay)
    {
        var result = new FeedbackOptionsValidator().Validate(null, new FeedbackOptions { BatchDelay = TimeSpan.Parse(delay, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains("Feedback:BatchDelay", result.FailureMessage, StringComparison.Ordinal);
    }
}
