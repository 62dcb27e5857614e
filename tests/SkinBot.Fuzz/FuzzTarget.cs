namespace SkinBot.Fuzz;

/// <summary>
/// One thing to fuzz: it takes arbitrary bytes and throws only when it found a bug. Exceptions a target's contract allows
/// (a parser's own format exception) are caught inside it, so every exception that escapes is a finding.
/// </summary>
internal sealed record FuzzTarget(string Name, string Description, Action<ReadOnlyMemory<byte>> Run);
