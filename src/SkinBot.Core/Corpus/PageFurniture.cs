using System.Text.RegularExpressions;

namespace SkinBot.Core.Corpus;

/// <summary>
/// Recognises text that belongs to the web page rather than the article: embed notices and
/// third-party boilerplate that scrapes pick up. Quoting these as medical information would be absurd.
/// </summary>
public static partial class PageFurniture
{
    public static bool IsFurniture(string text) => FurniturePattern().IsMatch(text);

    [GeneratedRegex(
        @"^(this content is (imported from|created and maintained by)|you may be able to find (the same|more information)|advertisement\b|sign up for|subscribe to our newsletter|related:|share this (article|story))|\{embed-name\}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurniturePattern();
}
