namespace SkinBot.Core.Chat;

/// <summary>
/// A structured command, the same on every platform: <c>scar type=boxcar</c>, <c>prevent</c>,
/// <c>treatments where=at_home name=retinol</c>, <c>ask question=...</c>, <c>help</c>.
/// Option values are untrusted user input.
/// </summary>
public sealed record ChatCommand(string Name, IReadOnlyDictionary<string, string> Options)
{
    public static ChatCommand Of(string name, params (string Key, string? Value)[] options)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in options)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                map[key] = value.Trim();
            }
        }

        return new ChatCommand(name.ToLowerInvariant(), map);
    }

    public string? Option(string key) => Options.TryGetValue(key, out var value) ? value : null;
}
