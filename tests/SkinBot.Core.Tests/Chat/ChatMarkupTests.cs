using System.Diagnostics;
using System.Text.RegularExpressions;
using CsCheck;
using SkinBot.Core.Markup;

namespace SkinBot.Core.Tests.Chat;

/// <summary>Discord markdown and Teams HTML reach analysis as the words a person reads.</summary>
public sealed partial class ChatMarkupTests
{
    [Theory]
    [InlineData("**what** are _rolling_ scars??", "what are rolling scars??")]
    [InlineData("@everyone what are rolling scars thanks!!", "what are rolling scars thanks!!")]
    [InlineData("what are rolling scars?", "what are rolling scars?")]
    [InlineData("don't pick at it, okay?", "don't pick at it, okay?")]
    public void The_issue_examples_read_as_plain_questions(string text, string expected)
    {
        Assert.Equal(expected, ChatMarkup.ToPlainText(text));
    }

    [Theory]
    [InlineData("**boxcar** scars", "boxcar scars")]
    [InlineData("*boxcar* scars", "boxcar scars")]
    [InlineData("_boxcar_ scars", "boxcar scars")]
    [InlineData("__boxcar__ scars", "boxcar scars")]
    [InlineData("***boxcar*** scars", "boxcar scars")]
    [InlineData("~~ice pick~~ boxcar scars", "ice pick boxcar scars")]
    [InlineData("||rolling|| scars", "rolling scars")]
    [InlineData("`retinol` at night?", "retinol at night?")]
    [InlineData("```\nretinol at night?\n```", "retinol at night?")]
    [InlineData("```what about subcision```", "what about subcision")]
    [InlineData("**what**are scars", "what are scars")]
    [InlineData("is **laser**, or **peel**, better?", "is laser, or peel, better?")]
    [InlineData("(**boxcar**) scars", "(boxcar) scars")]
    [InlineData("\"**boxcar**\" scars", "\"boxcar\" scars")]
    [InlineData("**boxcar**'s depth", "boxcar's depth")]
    [InlineData("\\*boxcar\\* scars", "boxcar scars")]
    public void Emphasis_code_and_spoiler_marks_are_removed(string text, string expected)
    {
        Assert.Equal(expected, ChatMarkup.ToPlainText(text));
    }

    [Theory]
    [InlineData("snake_case_word", "snake_case_word")]
    [InlineData("about ~5 years", "about ~5 years")]
    [InlineData("a | b", "a | b")]
    [InlineData("3 > 2 and 1 < 2", "3 > 2 and 1 < 2")]
    [InlineData("I <3 my derm", "I <3 my derm")]
    [InlineData("<scars>", "<scars>")]
    [InlineData("at 10:30:45", "at 10:30:45")]
    [InlineData("re:scars: again", "re:scars: again")]
    [InlineData("R&D on scars & marks", "R&D on scars & marks")]
    [InlineData("#1 question", "#1 question")]
    [InlineData("-5 degrees", "-5 degrees")]
    [InlineData("2020 was bad", "2020 was bad")]
    [InlineData("what are rolling scars? and can they go away?", "what are rolling scars? and can they go away?")]
    public void Ordinary_punctuation_that_is_not_markup_is_kept(string text, string expected)
    {
        Assert.Equal(expected, ChatMarkup.ToPlainText(text));
    }

    [Theory]
    [InlineData("> what are boxcar scars?", "what are boxcar scars?")]
    [InlineData(">>> what are boxcar scars?\nand rolling?", "what are boxcar scars?\nand rolling?")]
    [InlineData("# Boxcar scars", "Boxcar scars")]
    [InlineData("## Boxcar scars", "Boxcar scars")]
    [InlineData("### Boxcar scars", "Boxcar scars")]
    [InlineData("-# asking for a friend", "asking for a friend")]
    [InlineData("- boxcar\n- rolling", "boxcar\nrolling")]
    [InlineData("* boxcar\n* rolling", "boxcar\nrolling")]
    [InlineData("1. boxcar\n2. rolling", "boxcar\nrolling")]
    [InlineData("  - nested bullet", "nested bullet")]
    [InlineData("> - quoted bullet", "quoted bullet")]
    [InlineData("which is worse:\n\n\n- boxcar\n- rolling", "which is worse:\nboxcar\nrolling")]
    public void Line_markers_are_removed_and_lines_kept(string text, string expected)
    {
        Assert.Equal(expected, ChatMarkup.ToPlainText(text));
    }

    [Theory]
    [InlineData("see [this article](https://example.com/scars) about boxcar", "see this article about boxcar")]
    [InlineData("[**rolling** scars](<https://example.com/a>)?", "rolling scars?")]
    [InlineData("read https://example.com/scars?x=1 first", "read first")]
    [InlineData("is this right https://example.com/scars?", "is this right?")]
    [InlineData("HTTP://EXAMPLE.COM boxcar", "boxcar")]
    [InlineData("see <https://example.com/scars> please", "see please")]
    [InlineData("(https://example.com) boxcar", "() boxcar")]
    [InlineData("https://en.wikipedia.org/wiki/Scar_(skin) boxcar", "boxcar")]
    [InlineData("www.example.com says boxcar", "says boxcar")]
    [InlineData("[not a link](see above)", "[not a link](see above)")]
    public void Links_keep_their_text_and_lose_their_address(string text, string expected)
    {
        Assert.Equal(expected, ChatMarkup.ToPlainText(text));
    }

    [Theory]
    [InlineData("<@123456789012345678> what are boxcar scars?", "what are boxcar scars?")]
    [InlineData("<@!123456789012345678> what are boxcar scars?", "what are boxcar scars?")]
    [InlineData("hey <@&987654321> and <#555> what about subcision", "hey and what about subcision")]
    [InlineData("ask<@1>about<@2>boxcar", "ask about boxcar")]
    [InlineData("hi <@1>, what is <@2> 'subcision'?", "hi, what is 'subcision'?")]
    [InlineData("@here does retinol help?", "does retinol help?")]
    [InlineData("does retinol help @everyone?", "does retinol help?")]
    [InlineData("<@12 3> broken mention", "@12 3> broken mention")]
    [InlineData("I have scars <:sad:123456> help", "I have scars help")]
    [InlineData("<a:wave:99>hi, boxcar?", "hi, boxcar?")]
    [InlineData("boxcar :pensive: scars :+1:", "boxcar scars")]
    [InlineData("scars:sob:", "scars:sob:")]
    [InlineData("since <t:1700000000:R> my scars", "since my scars")]
    [InlineData("since <t:1700000000> my scars", "since my scars")]
    [InlineData("try </scar:123> boxcar", "try scar boxcar")]
    [InlineData("see <id:customize> first", "see first")]
    public void Mentions_emoji_and_timestamps_are_removed(string text, string expected)
    {
        Assert.Equal(expected, ChatMarkup.ToPlainText(text));
    }

    [Theory]
    [InlineData("<p><at>SkinBot</at>&nbsp;what are boxcar scars?</p>", "what are boxcar scars?")]
    [InlineData("<at id=\"0\">Skin Bot</at> does <b>retinol</b> help?", "does retinol help?")]
    [InlineData("<div>what are <i>rolling</i> scars?</div><div>and boxcar?</div>", "what are rolling scars?\nand boxcar?")]
    [InlineData("boxcar<br>rolling<br/>ice pick", "boxcar\nrolling\nice pick")]
    [InlineData("<span style=\"color:red\">laser</span>&amp;peels", "laser &peels")]
    [InlineData("is it &lt;1 mm &gt; or &quot;deep&quot;? it&#39;s &apos;fine&apos;", "is it <1 mm > or \"deep\"? it's 'fine'")]
    [InlineData("<b>subcision</b>or<i>laser</i>", "subcision or laser")]
    [InlineData("<ul><li>boxcar</li><li>rolling</li></ul>", "boxcar\nrolling")]
    [InlineData("<emoji id=\"smile\" alt=\"x\" title=\"Smile\"></emoji> boxcar?", "boxcar?")]
    [InlineData("&lt;@123&gt; boxcar", "boxcar")]
    [InlineData("<at>never closed boxcar", "never closed boxcar")]
    [InlineData("<!-- note --> boxcar", "boxcar")]
    [InlineData("&unknown; &#xZZ; &#99999999999; &#xD800; &", "&unknown; &#xZZ; &#99999999999;")]
    public void Teams_html_is_reduced_to_text_without_mentions(string text, string expected)
    {
        Assert.StartsWith(expected, ChatMarkup.ToPlainText(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<@123>")]
    [InlineData("**")]
    [InlineData("@everyone")]
    [InlineData("<p></p>")]
    public void Markup_alone_leaves_nothing(string text)
    {
        Assert.Equal(string.Empty, ChatMarkup.ToPlainText(text));
    }

    [Fact]
    public void Null_reads_as_empty()
    {
        Assert.Equal(string.Empty, ChatMarkup.ToPlainText(null));
    }

    [Fact]
    public void Any_text_comes_out_without_chat_tokens()
    {
        var pieces = Gen.OneOf(
            "<", ">", "@", "!", "&", "#", ":", "a", "t", "/", "*", "_", "~", "|", "`", "[", "]", "(", ")", "\\", " ", "\n",
            "-", ".", "1", "23", "x", "box", "<@", "<@!", "<@&", "<#", "<:", "<a:", "<t:", "@everyone", "@here",
            "http://", "https://", "www.", "&lt;", "&gt;", "&amp;", "&#60;", "&nbsp;", "<p>", "</p>", "<at>", "</at>",
            "<b>", "**", "```", "||", "~~", "> ", ">>> ", "# ", "-# ", "- ", "1. ", "](", ":smile:", "\u200B", "é");
        var texts = Gen.Frequency(
            (4, pieces.Array[0, 40].Select(string.Concat)),
            (1, Gen.String));

        texts.Sample(text =>
        {
            var plain = ChatMarkup.ToPlainText(text);
            Assert.DoesNotMatch(ChatTokens(), plain);
            Assert.Equal(plain.Trim(), plain);
            Assert.DoesNotContain("  ", plain, StringComparison.Ordinal);
        }, iter: 20_000);
    }

    [Fact]
    public void Plain_words_pass_through_unchanged()
    {
        var words = Gen.OneOf("what", "are", "rolling", "scars", "don't", "it's", "boxcar", "1", "mm", "?", "!", ".", ",");
        var texts = words.Array[1, 20].Select(w => string.Join(' ', w));

        texts.Sample(text => Assert.Equal(text, ChatMarkup.ToPlainText(text)), iter: 2_000);
    }

    [Theory]
    [InlineData("<")]
    [InlineData("<a")]
    [InlineData("[")]
    [InlineData("[a](<")]
    [InlineData("[a](")]
    [InlineData("<at>")]
    [InlineData("&")]
    [InlineData(":a")]
    [InlineData("*_")]
    [InlineData("http://")]
    [InlineData("\n> ")]
    public void Pathological_messages_take_linear_time(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 400_000 / unit.Length));
        var clock = Stopwatch.StartNew();

        ChatMarkup.ToPlainText(text);

        // Quadratic work on 400k characters would take minutes; linear work takes milliseconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed} for {text.Length} characters of '{unit}'");
    }

    [GeneratedRegex(@"<(@[!&]?|#)[0-9]+>|<a?:[a-z0-9_]+:[0-9]+>|<t:-?[0-9]+(:[a-z])?>|<@|@everyone|@here|\*\*|~~|\|\||`|https?://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChatTokens();
}
