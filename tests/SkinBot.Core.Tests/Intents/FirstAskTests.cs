using SkinBot.Core.Domain;
using SkinBot.Core.Intents;

namespace SkinBot.Core.Tests.Intents;

public sealed class FirstAskTests
{
    [Theory]
    [InlineData("what is subcision?? does it hurt?", "what is subcision??")]
    [InlineData("im 17 and got dents. will they fade? if not whats the cheapest fix", "im 17 and got dents. will they fade?")]
    [InlineData("what are my options for the holes, anything really. also will they fade by themselves", "what are my options for the holes, anything really.")]
    [InlineData("ok so not pits i think?? theres brown dots where my zits were. do those count as scars? and do they fade?", "ok so not pits i think?? theres brown dots where my zits were. do those count as scars?")]
    [InlineData("laser or subcision? also does it hurt?", "laser or subcision?")]
    [InlineData("my mom wants me to do microneedling but i read it doesnt work for ice picks?? which treatment suits which scar? does it hurt?", "my mom wants me to do microneedling but i read it doesnt work for ice picks?? which treatment suits which scar?")]
    [InlineData("im 16 and is it normal to have pits this deep?? what can i do about them?", "im 16 and is it normal to have pits this deep??")]
    public void The_first_ask_runs_to_the_end_of_the_first_question_with_its_background(string text, string prefix) =>
        Assert.Equal(prefix, FirstAsk.Prefix(text));

    [Theory]
    [InlineData("what is subcision?")]
    [InlineData("what is subcision? thanks!!")]
    [InlineData("my scars are deep. i hate them.")]
    [InlineData("i tried retinol and also a peel")]
    public void A_message_with_one_question_or_none_has_no_first_ask_of_its_own(string text) =>
        Assert.Null(FirstAsk.Prefix(text));

    [Theory]
    [InlineData(0.62, 0.45, true)]
    [InlineData(0.53, 0.45, true)]
    [InlineData(0.48, 0.47, false)]
    [InlineData(0.53, 0.70, false)]
    public void A_first_ask_stands_when_it_is_sure_or_clearly_surer_than_a_whole_that_is_only_a_best_guess(double first, double whole, bool overrides)
    {
        var wholeDecision = IntentDecision.Of(IntentIds.Prevention, whole);
        var firstDecision = IntentDecision.Of(IntentIds.Definition, first);

        Assert.Equal(overrides, FirstAsk.Overrides(wholeDecision, firstDecision, ClassifierTuning.Default));
    }
}
