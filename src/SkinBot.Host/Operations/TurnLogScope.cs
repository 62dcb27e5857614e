using System.Collections;

namespace SkinBot.Host.Operations;

/// <summary>The log scope of one turn: every line written while it runs carries its correlation id and platform.</summary>
internal sealed class TurnLogScope(string correlationId, string platform) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("CorrelationId", correlationId),
        1 => new("Platform", platform),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"CorrelationId:{correlationId} Platform:{platform}";
}
