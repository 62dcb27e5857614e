using SkinBot.Core.Text;

namespace SkinBot.Core.Tests.Text;

/// <summary>Cutting a chat message into the thoughts it strings together.</summary>
public sealed class ClauseSplitterTests
{
    [Fact]
    public void Sentences_commas_and_chatty_joints_each_end_a_clause()
    {
        var clauses = ClauseSplitter.Split("which laser works on boxcar scars? i saved up for it, tbh i dont see the point anymore lol whatever", 1);

        Assert.Equal(["which laser works on boxcar scars", "i saved up for it", "i dont see the point anymore", "whatever"], clauses);
    }

    [Fact]
    public void Markup_left_around_a_clause_does_not_join_it_to_the_next()
    {
        var clauses = ClauseSplitter.Split("**be honest** > i made a plan\n||dont tell my mum||", 1);

        Assert.Equal(["be honest", "i made a plan", "dont tell my mum"], clauses);
    }

    [Fact]
    public void Clauses_shorter_than_the_minimum_are_left_out()
    {
        var clauses = ClauseSplitter.Split("ok. good luck. my derm said the pits are shallow", 3);

        Assert.Equal(["my derm said the pits are shallow"], clauses);
    }

    [Fact]
    public void A_word_that_only_contains_a_joint_is_not_cut()
    {
        Assert.Equal(["the butter is soft and sometimes cold"], ClauseSplitter.Split("the butter is soft and sometimes cold", 1));
    }
}
