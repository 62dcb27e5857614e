using CsCheck;

namespace SkinBot.Testing;

/// <summary>Generators of the text people actually send: emoji sequences, accents, markup and mentions, mixed.</summary>
public static class TextGen
{
    /// <summary>Pieces that are one visible character but several UTF-16 units, or that join onto their neighbours.</summary>
    public static readonly Gen<string> Grapheme = Gen.OneOf(
        "a", "Z", " ", "  ", ".", "\n", "é", "e\u0301", "z\u0301\u0302\u0303", "\u0301", "👍", "👍🏽", "👩‍👩‍👧", "🏳️‍🌈",
        "🇫🇷", "🇫", "\u200D", "\uFE0F", "한", "\u1100\u1161\u11A8", "𝕏", "\uD83D", "\uDE00", "\r\n", "ก\u0e33", "\u0600");

    /// <summary>Runs of <see cref="Grapheme"/> pieces, sometimes arbitrary strings (lone surrogates included).</summary>
    public static readonly Gen<string> Tricky = Gen.Frequency(
        (4, Grapheme.Array[0, 80].Select(string.Concat)),
        (1, Gen.String));

    /// <summary>Discord, Teams and HTML markup, mentions and links, mixed with <see cref="Grapheme"/> pieces.</summary>
    public static readonly Gen<string> Markup = Gen.Frequency(
        (4, Gen.OneOf(
            Gen.OneOf(
                "<", ">", "@", "!", "&", "#", ":", "/", "*", "_", "~", "|", "`", "[", "]", "(", ")", "\\", "{", "}", "-", "=",
                "<@123>", "<@!123>", "<@&123>", "<#123>", "<:x:1>", "<t:1:R>", "</ask:1>", "@everyone", "@here",
                "http://", "https://evil.example", "www.", "discord.gg/x", "[Free cure](https://evil.example)", "](", "<https://e.x>",
                "**", "__", "```", "||", "~~", "> ", ">>> ", "# ", "-# ", "- ", "1. ", ":smile:", "{{DATE(2017-02-14T06:00:00Z)}}",
                "<at>", "</at>", "<at id=\"0\">Dana</at>", "<b>", "<script>", "&lt;", "&amp;", "\u200B", "\u202E", "\t"),
            Grapheme).Array[0, 40].Select(string.Concat)),
        (1, Gen.String));
}
