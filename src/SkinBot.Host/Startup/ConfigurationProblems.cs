using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SkinBot.Host.Startup;

/// <summary>
/// The configuration mistakes carried by a start-up exception, one line each, naming the key and what is wrong. The
/// options validators already write them that way and never quote a value. The configuration binder's own message for a
/// value it cannot convert does quote it, and that value may be a secret, so only its key and target type are kept.
/// </summary>
internal static partial class ConfigurationProblems
{
    /// <returns>The problems, or null when the exception is not (only) about configuration.</returns>
    public static IReadOnlyList<string>? Find(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var problems = new List<string>();
        return Collect(exception, problems) && problems.Count > 0 ? problems : null;
    }

    private static bool Collect(Exception exception, List<string> problems)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                problems.AddRange(validation.Failures.Select(OneLine));
                return true;
            case AggregateException aggregate:
                // Start-up validation gathers every failing options class into one aggregate; it is a configuration
                // problem only when every part of it is one.
                return aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => Collect(inner, problems));
            case InvalidOperationException when UnconvertibleValue().Match(exception.Message) is { Success: true } match:
                problems.Add($"{match.Groups["key"].Value} is not a valid {ShortTypeName(match.Groups["type"].Value)}.");
                return true;
            default:
                return false;
        }
    }

    /// <summary>Messages with line breaks would read as several problems.</summary>
    internal static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string ShortTypeName(string fullName) => fullName[(fullName.LastIndexOf('.') + 1)..];

    // Microsoft.Extensions.Configuration.Binder: "Failed to convert configuration value '{value}' at '{key}' to type '{type}'."
    // The value may itself contain quotes or " at '", so the key and type are read from the end.
    [GeneratedRegex(@"\AFailed to convert configuration value .* at '(?<key>[^']+)' to type '(?<type>[^']+)'\.\z", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex UnconvertibleValue();
}
