using System.Text.RegularExpressions;

namespace SkinBot.Core.Domain;

/// <summary>The comparison key of a typed name: lower-case letters only, so "Ice-pick", "ice pick" and "icepick" are one key.</summary>
internal static partial class LettersOnly
{
    public static string Of(string? value) =>
        string.IsNullOrWhiteSpace(value) ? string.Empty : NonLetters().Replace(value.ToLowerInvariant(), string.Empty);

    [GeneratedRegex("[^a-z]")]
    private static partial Regex NonLetters();
}
