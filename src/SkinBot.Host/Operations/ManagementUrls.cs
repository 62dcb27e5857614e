namespace SkinBot.Host.Operations;

/// <summary>Reads <see cref="OperationsOptions.ManagementUrls"/>: the listener is told apart by its port, so each URL needs one of its own.</summary>
internal static class ManagementUrls
{
    public static IReadOnlyList<string> Split(string? value) =>
        value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>
    /// An http or https URL with a fixed TCP port and no path. A Unix socket, a named pipe or port 0 (any free port) has no
    /// port known in advance to tell its requests from the public ones.
    /// </summary>
    public static bool TryGetPort(string url, out int port)
    {
        port = 0;
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }

        if (address.IsUnixPipe || address.IsNamedPipe || address.Port is < 1 or > 65535 || address.PathBase.Length > 0
            || !(address.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || address.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        port = address.Port;
        return true;
    }

    /// <summary>The ports of the well-formed URLs; the validator reports the others before the host starts.</summary>
    public static IReadOnlySet<int> Ports(string? value)
    {
        var ports = new HashSet<int>();
        foreach (var url in Split(value))
        {
            if (TryGetPort(url, out var port))
            {
                ports.Add(port);
            }
        }

        return ports;
    }
}
