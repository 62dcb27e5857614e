namespace SkinBot.Core.Diagnostics;

/// <summary>
/// Why a request was refused, as a short stable code (<c>bad_signature</c>, <c>web_user_limit</c>). Codes come from a
/// closed vocabulary in code, never from what a caller sent, so they are safe to log and to count.
/// </summary>
public readonly record struct RefusalReason
{
    private const int MaxLength = 64;

    public RefusalReason(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        if (code.Length > MaxLength || !code.All(IsCodeCharacter))
        {
            throw new ArgumentException($"A refusal reason is at most {MaxLength} characters of a-z, 0-9, '_', '.' and '-'.", nameof(code));
        }

        Code = code;
    }

    /// <summary>Stands for every reason past the number one summary keeps apart.</summary>
    public static RefusalReason Other { get; } = new("other");

    public string Code { get; }

    public override string ToString() => Code;

    private static bool IsCodeCharacter(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.' or '-';
}
