using System.Diagnostics.CodeAnalysis;

namespace SkinBot.Core.Feedback;

/// <summary>
/// The identity of one answer as shown to one person: vote buttons carry it so a vote can be tied to what was said
/// without keeping what was asked. 32 lower-case hex characters, random, so it reveals nothing and cannot be guessed.
/// </summary>
public readonly record struct AnswerId
{
    private const int Length = 32;

    private AnswerId(string value) => Value = value;

    public string Value { get; }

    public static AnswerId New() => new(Guid.NewGuid().ToString("N"));

    /// <summary>Reads an id that came back from a button or a form: untrusted input, so anything else is refused.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AnswerId? id)
    {
        id = null;
        if (text is not { Length: Length } || !text.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        id = new AnswerId(text);
        return true;
    }

    public override string ToString() => Value;
}
